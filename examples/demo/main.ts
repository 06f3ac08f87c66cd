// npm run demo: the example pipeline end to end on this machine, with progress, then where
// everything went. Exit code 1 when a job failed.
import { readFileSync } from 'node:fs';

// Keep the temporary repositories: the printout below points into them.
process.env['MLOPS_KEEP_TMP'] = '1';

import { runDemo } from './pipeline.ts';
import { runRunnerPodDemo } from './runner-pod.ts';

const started = Date.now();
let phase = 0;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
const progress = {
  phase: (title: string) => console.log(`\n[${elapsed()}] ${++phase}. ${title}`),
  step: (line: string) => console.log(`[${elapsed()}]    ${line}`),
};
const result = await runDemo(progress);
// The GPU variant: train-on-gpu.yml with a runner pod started and removed on the local cluster.
const gpu = await runRunnerPodDemo(progress);

console.log('\n== Where everything went');
console.log(`repository (work tree): ${result.workDir}`);
console.log(`origin (bare):          ${result.originDir}`);
if (result.lockCommit) {
  console.log(
    `dvc.lock on the branch: ${result.lockCommit.sha.slice(0, 7)} "${result.lockCommit.subject}" (${result.lockCommit.files.join(', ')})`,
  );
} else {
  console.log('dvc.lock on the branch: no new commit');
}
if (result.reportPath) console.log(`report (Markdown):      ${result.reportPath}`);
console.log(`deployed image:         ${result.deployedImage ?? 'none'}`);
for (const job of result.jobs) {
  const time = job.result === 'skipped' ? 'skipped' : `${(job.durationMs / 1000).toFixed(1)}s`;
  console.log(`job time:               ${job.workflow} / ${job.name} (${job.run}): ${time}`);
}
console.log(`PR #1 comments:         ${result.comments.length}`);
for (const comment of result.comments) {
  console.log(
    `\n---- comment ${comment.id} by ${comment.author} ----\n${comment.body}\n---- end of comment ----`,
  );
}
if (result.reportPath && !result.comments.length)
  console.log(readFileSync(result.reportPath, 'utf8'));
console.log('\n== train-on-gpu: the runner pod of one run');
if (gpu.skipped) console.log(`skipped: ${gpu.skipped}`);
for (const event of gpu.podEvents) console.log(`runner pod:             ${event}`);
for (const line of result.skipped) console.log(`skipped: ${line}`);
const jobs = {
  ...result.trainAndReport,
  ...(result.publishAndDeploy ?? {}),
  ...Object.fromEntries(
    Object.entries(gpu.jobs).map(([name, job]) => [`train-on-gpu/${name}`, job]),
  ),
};
const failedJobs = Object.entries(jobs).filter(([, r]) => r !== 'skipped' && !r.success);
for (const [name, job] of failedJobs) {
  if (job === 'skipped') continue;
  const step = job.steps.find((s) => s.outcome === 'failure');
  console.log(
    `\njob ${name} failed at "${step?.name}":\n${step?.log.split('\n').slice(-30).join('\n')}`,
  );
}
console.log(`\nthe pull request as a page (open it in a browser): ${result.pagePath}`);
console.log(
  `\ndemo finished in ${elapsed().trim()}${failedJobs.length ? ` with ${failedJobs.length} failed job(s)` : ''}`,
);
process.exitCode = failedJobs.length ? 1 : 0;
