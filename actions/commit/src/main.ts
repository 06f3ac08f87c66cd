import { existsSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  ActionError,
  appendSummary,
  type EventContext,
  InputError,
  Inputs,
  readContext,
  setOutput,
  warning,
} from '@mlops-actions/core';
// Statically: every run that gets past its inputs needs it, and a chunk loaded on demand costs a
// start-up of its own (read, compile, link) on the way to the first git call.
import * as core from '@mlops-actions/core/commit';

/** Every input of action.yml, read once. */
export interface CommitInputs {
  paths: string[];
  message: string | undefined;
  branch: string | undefined;
  author: string;
  committer: string;
  pushAttempts: number;
  signed: boolean;
  failOnNoPush: boolean;
  failOnMissing: boolean;
  token: string;
  workingDirectory: string;
}

/** readInputs reads and checks the inputs before git is asked anything. */
export function readInputs(inputs: Inputs = new Inputs()): CommitInputs {
  const read: CommitInputs = {
    paths: inputs.list('paths', { comma: true, required: true }),
    message: inputs.optional('message'),
    branch: inputs.optional('branch'),
    author: inputs.string('author', { required: true }),
    committer: inputs.string('committer', { required: true }),
    pushAttempts: inputs.integer('push-attempts', 5, 1, 50),
    signed: inputs.boolean('signed'),
    failOnNoPush: inputs.boolean('fail-on-no-push'),
    failOnMissing: inputs.boolean('fail-on-missing'),
    token: inputs.secret('token'),
    workingDirectory: inputs.path('working-directory'),
  };
  if (read.signed && !read.token) {
    throw new InputError(
      'token',
      'is empty, but signed commits are made through the GitHub API',
      'Give a token, or set signed to false.',
    );
  }
  return read;
}

/** checkWorkingDirectory fails, before git is asked anything, when the folder is not there. */
export function checkWorkingDirectory(read: CommitInputs, workspace: string): void {
  const shown = relative(workspace, read.workingDirectory).split(sep).join('/') || '.';
  if (!existsSync(read.workingDirectory)) {
    throw new InputError(
      'working-directory',
      `is '${shown}', a folder that does not exist`,
      'Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.',
    );
  }
  if (!statSync(read.workingDirectory).isDirectory()) {
    throw new InputError(
      'working-directory',
      `is '${shown}', a file, not a folder`,
      'Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.',
    );
  }
}

/** commitStep runs the commit with plain values and writes outputs and the job summary. */
export async function commitStep(inputs: CommitInputs, context: EventContext): Promise<void> {
  const author = core.parseIdentity('author', inputs.author);
  const committer = core.parseIdentity('committer', inputs.committer);
  const links = { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}` };
  let result: Awaited<ReturnType<typeof core.commitWorkTree>>;
  try {
    result = await core.commitWorkTree({
      cwd: inputs.workingDirectory,
      paths: inputs.paths,
      failOnMissing: inputs.failOnMissing,
      ...(inputs.branch ? { branch: inputs.branch } : {}),
      ...(inputs.message ? { message: inputs.message } : {}),
      author,
      committer,
      attempts: inputs.pushAttempts,
      signed: inputs.signed,
      token: inputs.token,
      context,
    });
  } catch (error) {
    if (error instanceof core.CommitConflictError) {
      setOutput('committed', 'true');
      setOutput('pushed', 'false');
      setOutput('commit-sha', error.localCommit);
      appendSummary(`### Conflict: nothing pushed\n\n${error.message}.\n\n${error.hint ?? ''}`);
    }
    throw error;
  }
  setOutput('committed', String(result.committed));
  setOutput('pushed', String(result.pushed));
  setOutput('commit-sha', result.committed ? (result.sha ?? '') : '');
  appendSummary(core.commitSummary(result, links));
  if (result.noPush) {
    const line = `Not pushed to ${result.branch}: ${result.noPush.detail}`;
    if (inputs.failOnNoPush) {
      throw new ActionError(line, {
        hint: 'Unset fail-on-no-push to let the job go on without the commit.',
      });
    }
    warning(line);
  }
}

/** main is the action: read the inputs and the event, then commit. */
export async function main(): Promise<void> {
  const read = new Inputs();
  const inputs = readInputs(read);
  checkWorkingDirectory(inputs, read.workspace);
  await commitStep(inputs, readContext());
}
