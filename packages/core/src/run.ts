import { createRequire } from 'node:module';
import { ActionError, failureLine } from './pure/errors.ts';
import { debug, error, isDebug, redact } from './runtime.ts';

/**
 * run is every action's one failure funnel: it awaits `main`, and turns anything thrown (an Error
 * or not) into one error line "<action> failed: <what happened>. <what to do>." and exit code 1.
 * The stack trace is logged only under step debug.
 */
export async function run(action: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (thrown) {
    const location = thrown instanceof ActionError ? thrown.location : undefined;
    error(redact(failureLine(action, thrown)), {
      file: location?.file,
      line: location?.line,
      col: location?.column,
    });
    if (isDebug() && thrown instanceof Error) {
      enableSourceMaps();
      if (thrown.stack) debug(redact(thrown.stack));
    }
    process.exitCode = 1;
  }
}

// The bundles ship source maps, but loading their support costs every step ~5 ms of start-up, so
// the build drops the eager import and it is loaded here, before the stack is first formatted.
function enableSourceMaps(): void {
  try {
    createRequire(process.argv[1] ?? import.meta.url)('./sourcemap-register.cjs');
  } catch {
    // Running from source (tests), or the file is absent: plain stack traces.
  }
}
