import { exec, getState, run } from '@mlops-actions/core';

/** post logs out of the registry main logged in to, so no credential stays on the runner. */
export async function post(): Promise<void> {
  // main saved the logout command itself, so this step loads nothing but the light core.
  const saved = getState('bentoml-login');
  if (!saved) return;
  const { command, args } = JSON.parse(saved) as { command: string; args: string[] };
  await exec(command, args, { okCodes: [0, 1] });
}

void run('bentoml', post);
