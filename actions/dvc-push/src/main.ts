import { existsSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  ActionError,
  appendSummary,
  findUp,
  InputError,
  Inputs,
  setOutput,
} from '@mlops-actions/core';

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
  if (read.dvcVersion && !/^\d+\.\d+\.\d+$/.test(read.dvcVersion)) {
    throw new InputError(
      'dvc-version',
      `is '${read.dvcVersion}', not an exact version`,
      'Give a full version such as 3.67.1, or leave it empty.',
    );
  }
  return read;
}

/** checkProject fails fast, before DVC is looked for, when the folder is missing or holds no DVC project. */
export function checkProject(inputs: PushInputs): void {
  const shown = relative(inputs.workspace, inputs.workingDirectory).split(sep).join('/') || '.';
  if (!existsSync(inputs.workingDirectory) || !statSync(inputs.workingDirectory).isDirectory()) {
    throw new ActionError(`working-directory '${shown}' does not exist`, {
      hint: 'Set working-directory to the DVC project folder, relative to the repository root',
    });
  }
  if (!findUp(inputs.workingDirectory, '.dvc')) {
    throw new ActionError(
      `working-directory '${shown}' is not inside a DVC project: no .dvc folder in it or above it`,
      {
        hint: 'Set working-directory to the DVC project folder, or run `dvc init` and commit .dvc/',
      },
    );
  }
}

/** pushStep pushes with plain values and writes the output and the job summary. */
export async function pushStep(inputs: PushInputs): Promise<void> {
  checkProject(inputs);
  const dvc = await import('@mlops-actions/core/dvc');
  const cli = await dvc.setupDvc({
    projectDir: inputs.workingDirectory,
    ...(inputs.dvcVersion ? { version: inputs.dvcVersion } : {}),
  });
  let report: Awaited<ReturnType<typeof dvc.pushData>>;
  try {
    report = await dvc.pushData({
      dvc: cli,
      workspace: inputs.workspace,
      workingDirectory: inputs.workingDirectory,
      targets: inputs.targets,
      runCache: inputs.runCache,
      attempts: inputs.remoteAttempts,
      ...(inputs.remote ? { remote: inputs.remote } : {}),
      ...(inputs.jobs === undefined ? {} : { jobs: inputs.jobs }),
    });
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
