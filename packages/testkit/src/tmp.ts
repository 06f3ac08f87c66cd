import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

/**
 * scratchDir makes a temporary folder that is removed when the process exits, unless
 * MLOPS_KEEP_TMP=1 (the demo sets it, so its printed paths can be looked at afterwards).
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      if (process.env['MLOPS_KEEP_TMP'] === '1') return;
      for (const path of made) rmSync(path, { recursive: true, force: true });
    });
  }
  return dir;
}
