import { ActionError, appendSummary, InputError, Inputs, setOutput } from '@mlops-actions/core';

/** Every input of action.yml, read once. */
export interface ReproInputs {
  /** Absolute project folder. */
  workingDirectory: string;
  /** The folder as the workflow wrote it, for messages. */
  workingDirectoryInput: string;
  workspace: string;
  targets: string[];
  pull: boolean;
  allowMissing: boolean;
  force: boolean;
  singleItem: boolean;
  remote: string | undefined;
  onPullFailure: 'fail' | 'recompute';
  dvcVersion: string | undefined;
  cache: boolean;
  remoteAttempts: number;
}

/** readInputs reads and checks every input before anything heavy is loaded. */
export function readInputs(inputs: Inputs = new Inputs()): ReproInputs {
  const read: ReproInputs = {
    workingDirectory: inputs.path('working-directory'),
    workingDirectoryInput: inputs.raw('working-directory') || '.',
    workspace: inputs.workspace,
    targets: inputs.list('targets', { comma: true }),
    pull: inputs.boolean('pull', true),
    allowMissing: inputs.boolean('allow-missing'),
    force: inputs.boolean('force'),
    singleItem: inputs.boolean('single-item'),
    remote: inputs.optional('remote'),
    onPullFailure: inputs.oneOf('on-pull-failure', ['fail', 'recompute'] as const, 'fail'),
    dvcVersion: inputs.optional('dvc-version'),
    cache: inputs.boolean('cache'),
    remoteAttempts: inputs.integer('remote-attempts', 3, 1, 10),
  };
  if (read.dvcVersion && !/^\d+\.\d+\.\d+$/.test(read.dvcVersion)) {
    throw new InputError(
      'dvc-version',
      `is '${read.dvcVersion}', not an exact version`,
      'Give a full version such as 3.67.1, or leave it empty.',
    );
  }
  if (read.remote && !/^[A-Za-z0-9_.-]+$/.test(read.remote)) {
    throw new InputError(
      'remote',
      `is '${read.remote}', not the name of a DVC remote`,
      'Give the name `dvc remote list` shows (such as storage), not a URL.',
    );
  }
  if (read.singleItem && !read.targets.length) {
    throw new InputError(
      'single-item',
      'is true but no targets are given',
      'Name the stages to run in targets.',
    );
  }
  return read;
}

/** reproStep runs the pipeline with plain values and writes outputs and the job summary. */
export async function reproStep(
  inputs: ReproInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const dvc = await import('@mlops-actions/core/dvc');
  // The plan phase: every file DVC reads, every target and the remote, before DVC is set up.
  const plan = dvc.planRepro({
    workspace: inputs.workspace,
    workingDirectory: inputs.workingDirectory,
    targets: inputs.targets,
    pull: inputs.pull,
    ...(inputs.remote ? { remote: inputs.remote } : {}),
  });
  const started = performance.now();
  const cli = await dvc.setupDvc({
    projectDir: inputs.workingDirectory,
    ...(inputs.dvcVersion ? { version: inputs.dvcVersion } : {}),
  });
  const os = env['RUNNER_OS'] ?? process.platform;
  const cacheRestore = inputs.cache
    ? await dvc.restoreDvcCache(
        await dvc.planDvcCache({
          dvc: cli,
          workspace: inputs.workspace,
          workingDirectory: inputs.workingDirectory,
          os,
        }),
      )
    : undefined;
  const options = {
    dvc: cli,
    workspace: inputs.workspace,
    workingDirectory: inputs.workingDirectory,
    targets: inputs.targets,
    pull: inputs.pull,
    allowMissing: inputs.allowMissing,
    force: inputs.force,
    singleItem: inputs.singleItem,
    attempts: inputs.remoteAttempts,
    onPullFailure: inputs.onPullFailure,
    ...(inputs.remote ? { remote: inputs.remote } : {}),
  };
  // Written once DVC runs: the first output loads node:crypto (for its delimiter), ~4 ms that
  // would otherwise hold up DVC's start. Written before a failure is reported all the same.
  let versionWritten = false;
  const writeVersion = () => {
    if (versionWritten) return;
    versionWritten = true;
    setOutput('dvc-version', cli.version);
  };
  let report: Awaited<ReturnType<typeof dvc.reproduce>>;
  try {
    report = await dvc.reproduce({ ...options, onStarted: writeVersion }, plan);
  } catch (error) {
    writeVersion();
    if (error instanceof ActionError) {
      appendSummary(
        dvc.failureSummary(
          'DVC repro failed',
          error.message,
          error instanceof dvc.DvcError ? error.details : [],
        ),
      );
    }
    throw error;
  }
  writeVersion();
  const cacheStatus = cacheRestore
    ? await dvc.saveDvcCache(cacheRestore, {
        workspace: inputs.workspace,
        workingDirectory: inputs.workingDirectory,
        os,
      })
    : undefined;
  setOutput('stages-run', report.run);
  setOutput('stages-skipped', report.skipped);
  setOutput('lock-changed', String(report.lockChanged));
  appendSummary(
    dvc.reproSummary({
      result: report,
      workingDirectory: inputs.workingDirectoryInput,
      dvcVersion: cli.version,
      totalMs: performance.now() - started,
      lockChanged: report.lockChanged,
      ...(report.pullSkipped ? { pullSkipped: report.pullSkipped } : {}),
      ...(cacheStatus ? { cache: cacheStatus } : {}),
    }),
  );
}

/** main is the step: read the inputs, then run. */
export async function main(): Promise<void> {
  await reproStep(readInputs());
}
