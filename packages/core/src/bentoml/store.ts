// The BentoML CLI adapter: import model archives into the store and build the Bento. Every call
// goes through core's exec with an argv array; results come from BentoML's machine-readable output.
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ExecError, type ExecOptions, type ExecResult, exec } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { notice } from '../runtime.ts';
import {
  buildArgs,
  modelsDeleteArgs,
  modelsGetArgs,
  modelsImportArgs,
  modelsListArgs,
} from './commands.ts';
import {
  bentomlFailure,
  parseBuildTag,
  parseJsonOutput,
  parseModelList,
  sameModelInfo,
} from './messages.ts';

/** How to run BentoML: its executable and the environment every call gets. */
export interface BentomlCli {
  executable: string;
  /** Added to the process environment (BENTOML_HOME, for example). */
  env?: Record<string, string | undefined>;
}

/** The environment every bentoml call gets: no usage tracking, and lines rich never wraps. */
export function bentomlEnv(
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  // rich wraps what BentoML prints at the terminal width (80 without a terminal), which would break
  // long paths and JSON strings across lines.
  return { BENTOML_DO_NOT_TRACK: 'true', COLUMNS: '100000', ...extra };
}

/** runBentoml runs one `bentoml` command. */
export function runBentoml(
  cli: BentomlCli,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  return exec(cli.executable, args, {
    ...options,
    env: bentomlEnv({ ...cli.env, ...options.env }),
    notFoundHint:
      'Install BentoML on the runner, or set the bentoml-version input so the action installs it',
  });
}

/** What happened to one model archive. */
export interface ModelImport {
  /** The archive as the user named it (relative to the workspace when inside it). */
  file: string;
  tag: string;
  outcome: 'imported' | 'skipped' | 'replaced';
}

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

/** displayPath shows a path relative to the workspace when it is inside it. */
export function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** checkModelArchive fails with a clear message when a model file is missing or not a .bentomodel. */
export function checkModelArchive(path: string, workspace: string): void {
  const shown = displayPath(path, workspace);
  if (!existsSync(path)) {
    throw new ActionError(`the model file '${shown}' does not exist`, {
      hint: "Produce it first (for example with dvc pull or dvc repro), or fix the path in 'model'",
    });
  }
  if (!statSync(path).isFile()) {
    throw new ActionError(`the model path '${shown}' is not a file`, {
      hint: "Point 'model' at a .bentomodel archive made by bentoml models export",
    });
  }
  if (path.endsWith('.bentomodel')) {
    const head = Buffer.alloc(XZ_MAGIC.length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    if (!head.equals(XZ_MAGIC)) {
      throw new ActionError(
        `'${shown}' is not a BentoML model archive (a .bentomodel file is xz-compressed)`,
        {
          hint: "Point 'model' at the archive bentoml models export wrote; if it is a DVC or Git LFS pointer, fetch the real file first",
        },
      );
    }
  }
}

/**
 * importModel imports one archive into the BentoML store. It first imports it into a scratch store,
 * which checks the archive and tells its tag; a model already in the store under that tag is
 * skipped when it is the same model, and is an error (or, with `overwrite`, replaced) when not.
 */
export async function importModel(
  cli: BentomlCli,
  archive: string,
  options: { overwrite: boolean; workspace: string; tempDir?: string },
): Promise<ModelImport> {
  const file = displayPath(archive, options.workspace);
  checkModelArchive(archive, options.workspace);
  const scratchHome = mkdtempSync(join(options.tempDir ?? tmpdir(), 'bentoml-scratch-'));
  try {
    const scratch: BentomlCli = { ...cli, env: { ...cli.env, BENTOML_HOME: scratchHome } };
    await runBentoml(scratch, modelsImportArgs(archive), { silent: true }).catch(
      (error: unknown) => {
        throw new ActionError(`'${file}' is not a BentoML model archive: ${failureText(error)}`, {
          hint: "Point 'model' at a .bentomodel archive made by bentoml models export",
          cause: error,
        });
      },
    );
    const listed = parseModelList(
      (await runBentoml(scratch, modelsListArgs(), { silent: true })).stdout,
    );
    const tag = listed[0]?.tag;
    if (listed.length !== 1 || !tag) {
      throw new ActionError(`'${file}' holds ${listed.length} models, not one`, {
        hint: 'Export each model to its own archive with bentoml models export',
      });
    }
    const existing = await modelInfo(cli, tag);
    if (!existing) {
      await runBentoml(cli, modelsImportArgs(archive));
      return { file, tag, outcome: 'imported' };
    }
    const incoming = await modelInfo(scratch, tag);
    if (incoming && sameModelInfo(existing, incoming)) {
      notice(`The model ${tag} from ${file} is already in the BentoML store; skipped its import.`);
      return { file, tag, outcome: 'skipped' };
    }
    if (!options.overwrite) {
      throw new ActionError(
        `the BentoML store already has a different model under the tag ${tag} (created ${String(existing['creation_time'])}; '${file}' was created ${String(incoming?.['creation_time'])})`,
        {
          hint: 'Save the new model under a new version, or set overwrite: true to replace the one in the store',
        },
      );
    }
    await runBentoml(cli, modelsDeleteArgs(tag));
    await runBentoml(cli, modelsImportArgs(archive));
    return { file, tag, outcome: 'replaced' };
  } finally {
    rmSync(scratchHome, { recursive: true, force: true });
  }
}

/** modelInfo returns `bentoml models get <tag> -o json`, or undefined when the store lacks it. */
export async function modelInfo(
  cli: BentomlCli,
  tag: string,
): Promise<Record<string, unknown> | undefined> {
  const result = await runBentoml(cli, modelsGetArgs(tag), { silent: true, okCodes: [0, 1] });
  if (result.exitCode !== 0) {
    if (/not found/i.test(result.stderr + result.stdout)) return undefined;
    throw new ActionError(
      `\`bentoml models get ${tag}\` failed: ${bentomlFailure(result.stderr + result.stdout).message}`,
    );
  }
  const info = parseJsonOutput(result.stdout);
  if (!info || typeof info !== 'object' || Array.isArray(info)) {
    throw new ActionError(`\`bentoml models get ${tag} --output json\` printed no JSON object`);
  }
  return info as Record<string, unknown>;
}

function failureText(error: unknown): string {
  if (error instanceof ExecError) return bentomlFailure(`${error.stderr}\n${error.stdout}`).message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * buildBento runs `bentoml build` and returns the Bento tag from `--output tag`. An invalid
 * bentofile fails with BentoML's message and an annotation on the file.
 */
export async function buildBento(
  cli: BentomlCli,
  options: { bentofile: string; context: string; workspace: string },
): Promise<string> {
  const shown = displayPath(options.bentofile, options.workspace);
  if (!existsSync(options.bentofile)) {
    throw new ActionError(`the bentofile '${shown}' does not exist`, {
      hint: "Set 'bentofile' (relative to the workspace) or 'build-context' to where bentofile.yaml is",
    });
  }
  if (!existsSync(options.context) || !statSync(options.context).isDirectory()) {
    throw new ActionError(
      `the build context '${displayPath(options.context, options.workspace)}' is not a folder`,
      {
        hint: "Set 'build-context' to the folder that holds the service's code",
      },
    );
  }
  let stdout: string;
  try {
    ({ stdout } = await runBentoml(cli, buildArgs(options.bentofile, options.context), {
      cwd: options.context,
    }));
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    const failure = bentomlFailure(`${error.stderr}\n${error.stdout}`);
    if (failure.invalidBentofile) {
      throw new ActionError(`the bentofile '${shown}' is not valid: ${failure.message}`, {
        hint: 'Fix it as BentoML says (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html)',
        location: {
          file: shown,
          ...(failure.location
            ? { line: failure.location.line, column: failure.location.column }
            : {}),
        },
        cause: error,
      });
    }
    const missingModel = /Model '?[^'\s]+'? (?:is not found|could not be found)/i.test(
      failure.message,
    );
    throw new ActionError(`\`bentoml build\` of '${shown}' failed: ${failure.message}`, {
      hint: missingModel
        ? "Import the model the service loads with the 'model' input (a .bentomodel archive)"
        : 'Run bentoml build locally with the same bentofile to see the whole error',
      cause: error,
    });
  }
  const tag = parseBuildTag(stdout);
  if (!tag) {
    throw new ActionError(
      `\`bentoml build --output tag\` printed no Bento tag (got '${stdout.trim().slice(0, 200)}')`,
      {
        hint: 'Use BentoML 1.2 or newer, which prints __tag__:<name>:<version>',
      },
    );
  }
  return tag;
}
