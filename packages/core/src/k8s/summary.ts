// The job summary of a deploy: what was applied, which images were set, how each rollout ended
// and, for a failed one, why. Pure.
import { codeBlock, details, table } from '../pure/markdown.ts';
import type { ImageChange } from './manifests.ts';

/** One object kubectl applied. */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/** How one rollout ended. */
export interface RolloutOutcome {
  kind: string;
  namespace: string;
  name: string;
  status: 'ready' | 'failed' | 'rolled-back' | 'rollback-failed' | 'not-rolled-back';
  seconds: number;
  /** For a failed rollout: the most telling reason. */
  reason?: string;
  /** For a failed rollout: the recent events, as text lines. */
  events?: string[];
  /** For a failed rollout: the last log lines of the failing containers. */
  logs?: string[];
  /** The images its pods run now (`container: image`), read from the cluster after a rollback. */
  running?: string[];
}

const STATUS_TEXT: Record<RolloutOutcome['status'], string> = {
  ready: 'ready',
  failed: 'failed',
  'rolled-back': 'failed, rolled back',
  'rollback-failed': 'failed, rollback failed too',
  'not-rolled-back': 'failed, nothing to roll back to',
};

/** refOf names a workload the way kubectl does: `deployment/web`. */
export function refOf(o: { kind: string; name: string }): string {
  return `${o.kind.toLowerCase()}/${o.name}`;
}

/** deploySummary renders the Markdown for the job summary. */
export function deploySummary(input: {
  applied: readonly AppliedObject[];
  images: readonly ImageChange[];
  rollouts: readonly RolloutOutcome[];
  renderedPath: string;
  timeout: string;
  /** The files whose new images were written back to the checkout. */
  writtenBack?: readonly string[];
}): string {
  const failed = input.rollouts.filter((r) => r.status !== 'ready');
  const title = failed.length
    ? `### Deploy failed: ${failed.length} of ${input.rollouts.length} rollouts did not become ready`
    : '### Deployed';
  const parts = [title];
  if (input.rollouts.length) {
    parts.push(
      table(
        ['Workload', 'Namespace', 'Rollout', 'Running now', 'Time'],
        input.rollouts.map((r) => [
          refOf(r),
          r.namespace,
          STATUS_TEXT[r.status],
          r.running?.join(', ') ?? '',
          `${r.seconds}s`,
        ]),
        ['l', 'l', 'l', 'l', 'r'],
      ),
    );
  }
  if (input.images.length) {
    const written = new Set(input.writtenBack ?? []);
    parts.push(
      table(
        ['Workload', 'Container', 'Image applied', 'Before', 'In the checkout'],
        input.images.map((c) => [
          refOf(c),
          c.container,
          c.to,
          c.from === c.to ? '(unchanged)' : c.from,
          c.from === c.to || written.has(c.file) ? c.to : c.from,
        ]),
      ),
    );
  }
  for (const r of failed) {
    parts.push(
      `#### Why ${refOf(r)} is not ready\n\n${r.reason ?? `it did not become ready within ${input.timeout}`}`,
    );
    if (r.events?.length) parts.push(details('Recent events', codeBlock(r.events.join('\n'))));
    if (r.logs?.length) parts.push(details('Last log lines', codeBlock(r.logs.join('\n'))));
  }
  const others = input.applied.filter(
    (a) =>
      !input.rollouts.some(
        (r) => r.kind === a.kind && r.name === a.name && r.namespace === a.namespace,
      ),
  );
  if (others.length) {
    parts.push(
      details(
        `Also applied (${others.length})`,
        others.map((a) => `- ${refOf(a)}${a.namespace ? ` in ${a.namespace}` : ''}`).join('\n'),
      ),
    );
  }
  return parts.join('\n\n');
}
