import { readFileSync } from 'node:fs';
import { ActionError } from './pure/errors.ts';
import { type EventContext, eventContext } from './pure/event.ts';

/** readEventPayload reads the webhook payload at GITHUB_EVENT_PATH; an unreadable one is an error. */
export function readEventPayload(
  env: Record<string, string | undefined> = process.env,
): Record<string, unknown> {
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ActionError(
      `the event payload at GITHUB_EVENT_PATH (${path}) could not be read: ${(e as Error).message}`,
      {
        hint: 'Run the action inside a GitHub Actions job, or point GITHUB_EVENT_PATH at a JSON webhook payload.',
      },
    );
  }
  try {
    const payload: unknown = JSON.parse(text);
    if (payload && typeof payload === 'object' && !Array.isArray(payload))
      return payload as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new ActionError(`the event payload at GITHUB_EVENT_PATH (${path}) is not a JSON object`, {
    hint: 'Point GITHUB_EVENT_PATH at a JSON webhook payload.',
  });
}

/** readContext returns the run's event context from the environment and the payload file. */
export function readContext(env: Record<string, string | undefined> = process.env): EventContext {
  return eventContext(env, readEventPayload(env));
}
