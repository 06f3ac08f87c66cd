// The GPU variant of the demo (examples/workflows/train-on-gpu.yml) end to end on the real local
// control plane and the local GitHub: the runner pod of the run appears, the training runs on its
// label, and stop-runner removes the pod and its registration.
import { expect, test } from 'vitest';
import { runRunnerPodDemo } from '../demo/runner-pod.ts';

test('train-on-gpu starts a runner pod for the run, trains on its label, and removes it', async () => {
  const lines: string[] = [];
  const result = await runRunnerPodDemo({
    phase: (t) => lines.push(t),
    step: (l) => lines.push(l),
  });
  expect(result.skipped).toBeUndefined();
  for (const job of ['start-runner', 'train', 'report', 'stop-runner']) {
    const done = result.jobs[job];
    expect(done !== 'skipped' && done?.success, `${job}: ${lines.join('\n')}`).toBe(true);
  }
  expect(result.label).toMatch(/^mlops-\d+-\d+$/);
  const appeared = result.podEvents.findIndex(
    (e) => e.includes(result.label ?? '?') && /Running/.test(e),
  );
  const gone = result.podEvents.findIndex(
    (e) => e.startsWith('gone:') && e.includes(result.label ?? '?'),
  );
  expect(appeared, result.podEvents.join('\n')).toBeGreaterThanOrEqual(0);
  expect(gone, result.podEvents.join('\n')).toBeGreaterThan(appeared);
  expect(lines.join('\n')).toContain('runners registered in GitHub after stop-runner: none');
});
