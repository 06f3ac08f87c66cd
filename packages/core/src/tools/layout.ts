// Pure: where a pinned Python CLI lives in the runner's tool cache, and which pip failures are
// worth another try. No @actions/* imports, no process state.
import { createHash } from 'node:crypto';

/** What identifies one venv build: the tool, its exact version, the pip requirements and the Python. */
export interface PythonToolIdentity {
  /** Executable name inside the venv's bin folder, and the tool cache folder name (`dvc`). */
  tool: string;
  /** Exact version (`3.67.1`), the tool cache's version folder. */
  version: string;
  /** pip requirement specifiers installed into the venv (`dvc[s3]==3.67.1`). */
  packages: readonly string[];
  /** `major.minor` of the interpreter that creates the venv (`3.11`). */
  pythonVersion: string;
  /** Real path of that interpreter: a venv breaks when its base interpreter goes away. */
  pythonExecutable: string;
  /** Machine architecture as Node names it (`x64`, `arm64`). */
  arch: string;
}

/** The tool cache coordinates of one venv build, as `@actions/tool-cache` lays them out. */
export interface PythonToolLayout {
  tool: string;
  version: string;
  /** Architecture folder, made unique per requirements and interpreter: `x64-py3.11-1a2b3c4d5e`. */
  arch: string;
}

/** isExactVersion accepts `1.2.3` (and pre-release or build suffixes), the versions a cache folder can hold. */
export function isExactVersion(version: string): boolean {
  return /^\d+\.\d+\.\d+(?:[-+.][0-9A-Za-z.+-]+)?$/.test(version);
}

/**
 * pythonToolLayout names the tool cache folder for a venv: `<tool>/<version>/<arch>-py<X.Y>-<hash>`,
 * the hash covering the requirements (order-insensitive) and the interpreter, so changing extras or
 * Python gives a new folder instead of reusing a venv that does not match.
 */
export function pythonToolLayout(identity: PythonToolIdentity): PythonToolLayout {
  const packages = [...new Set(identity.packages.map((p) => p.trim()).filter(Boolean))].sort();
  const hash = createHash('sha256')
    .update(JSON.stringify({ packages, python: identity.pythonExecutable }))
    .digest('hex')
    .slice(0, 10);
  return {
    tool: identity.tool,
    version: identity.version,
    arch: `${identity.arch}-py${identity.pythonVersion}-${hash}`,
  };
}

/**
 * isTransientPipError tells whether pip's output describes a network hiccup worth retrying. pip
 * reports an index it could not reach as "No matching distribution found" after its own retries,
 * so the connection errors it logged first decide, not that last line.
 */
export function isTransientPipError(output: string): boolean {
  return /ConnectionError|ConnectTimeout|ReadTimeout|Connection reset|Connection refused|Connection aborted|RemoteDisconnected|IncompleteRead|Temporary failure in name resolution|HTTP error 5\d\d|\b5\d\d Server Error|TimeoutError|timed out/i.test(
    output,
  );
}
