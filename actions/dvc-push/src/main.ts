import { ActionError, appendSummary, InputError, Inputs, setOutput } from '@mlops-actions/core';

/** Every input of action.yml, read once. */
export interface PushInputs {
  /** Absolute project folder. */
  workingDirectory: string;
  workspace: string;
  targets: string[];
  remote: string | undefined;
  jobs: number | undefined;
  runCache: boolean;
  dvcVersion: string | undefined;
  remoteAttempts: number;
}

/** readInputs reads and checks every input before anything heavy is loaded. */
export function readInputs(inputs: Inputs = new Inputs()): PushInputs {
  const read: PushInputs = {
    workingDirectory: inputs.path('working-directory'),
    workspace: inputs.workspace,
    targets: inputs.list('targets', { comma: true }),
    remote: inputs.optional('remote'),
    jobs: inputs.raw('jobs') ? inputs.integer('jobs', 0, 1, 256) : undefined,
    runCache: inputs.boolean('run-cache', true),
    dvcVersion: inputs.optional('dvc-version'),
    remoteAttempts: inputs.integer('remote-attempts', 3, 1, 10),
  };
  if (read.remote && !/^[A-Za-z0-9_.-]+$/.test(read.remote)) {
    throw new InputError(
      'remote',
      `is '${read.remote}', not the name of a DVC remote`,
      'Give the name `dvc remote list` shows (such as storage), not a URL.',
    );
  }
  if (read.dvcVersion && !/^\d+\.\d+\.\d+$/.test(read.dvcVersion)) {
    throw new InputError(
      'dvc-version',
      `is '${read.dvcVersion}', not an exact version`,
      'Give a full version such as 3.67.1, or leave it empty.',
    );
  }
  return read;
}

/** pushStep pushes with plain values and writes the output and the job summary. */
export async function pushStep(inputs: PushInputs): Promise<void> {
  const dvc = await import('@mlops-actions/core/dvc');
  // The plan phase: every file DVC reads, every target and the remote, before DVC is set up.
  const plan = dvc.planPush({
    workspace: inputs.workspace,
    workingDirectory: inputs.workingDirectory,
    targets: inputs.targets,
    ...(inputs.remote ? { remote: inputs.remote } : {}),
  });
  const cli = await dvc.setupDvc({
    projectDir: inputs.workingDirectory,
    ...(inputs.dvcVersion ? { version: inputs.dvcVersion } : {}),
  });
  let report: Awaited<ReturnType<typeof dvc.pushData>>;
  try {
    report = await dvc.pushData(
      {
        dvc: cli,
        workspace: inputs.workspace,
        workingDirectory: inputs.workingDirectory,
        targets: inputs.targets,
        runCache: inputs.runCache,
        attempts: inputs.remoteAttempts,
        ...(inputs.remote ? { remote: inputs.remote } : {}),
        ...(inputs.jobs === undefined ? {} : { jobs: inputs.jobs }),
      },
      plan,
    );
  } catch (error) {
    if (error instanceof ActionError)
      appendSummary(
        dvc.failureSummary(
          'DVC push failed',
          error.message,
          error instanceof dvc.DvcError ? error.details : [],
        ),
      );
    throw error;
  }
  setOutput('pushed', String(report.pushed));
  appendSummary(
    dvc.pushSummary({
      pushed: report.pushed,
      remote: report.remote,
      runCache: inputs.runCache,
      targets: inputs.targets,
      totalMs: report.durationMs,
      attempts: report.attempts,
    }),
  );
}

/** main is the step: read the inputs, then push. */
export async function main(): Promise<void> {
  await pushStep(readInputs());
}
