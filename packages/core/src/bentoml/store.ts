// The BentoML CLI adapter: import model archives into the store and build the Bento. Every call
// goes through core's exec with an argv array; results come from BentoML's machine-readable output.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ExecError, type ExecOptions, type ExecResult, exec } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { info, notice } from '../runtime.ts';
import { type ArchivedModel, ArchiveProblem, archiveError, readModelArchive } from './archive.ts';
import { bentofileProblem } from './bentofile.ts';
import {
  buildArgs,
  deleteBentosArgs,
  modelsDeleteArgs,
  modelsGetArgs,
  modelsImportArgs,
} from './commands.ts';
import { bentomlFailure, parseBuildTag, parseJsonOutput, sameModelInfo } from './messages.ts';

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
    // Every bentoml call but the store look-ups runs inside a phase's log group.
    inGroup: true,
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
  /** With `overwrite`: the Bentos built from the replaced model, which were deleted with it. */
  removedBentos?: string[];
}

/** displayPath shows a path relative to the workspace when it is inside it. */
export function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** checkModelArchive fails with a clear message when a model path is missing or not a file. */
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
}

/** One model archive, read and checked before BentoML runs. */
export interface PlannedModel {
  /** Absolute path of the archive. */
  path: string;
  /** The archive as the user named it. */
  file: string;
  tag: string;
  /** Its model.yaml. */
  info: Record<string, unknown>;
}

/**
 * planModels reads every archive's model.yaml (no BentoML needed): each must be an archive
 * BentoML can import, and two archives that hold different models under one tag are an error.
 */
export async function planModels(
  paths: readonly string[],
  workspace: string,
): Promise<PlannedModel[]> {
  const planned: PlannedModel[] = [];
  for (const path of paths) {
    const file = displayPath(path, workspace);
    checkModelArchive(path, workspace);
    let model: ArchivedModel;
    try {
      model = await readModelArchive(path);
    } catch (error) {
      if (error instanceof ArchiveProblem) throw archiveError(file, error);
      throw error;
    }
    const twin = planned.find((p) => p.tag === model.tag);
    if (twin && !sameModelInfo(twin.info, model.info)) {
      throw new ActionError(
        `'${twin.file}' and '${file}' hold different models under the same tag ${model.tag}`,
        { hint: "Save one of them under another version, or list only one of them in 'model'" },
      );
    }
    if (!twin) planned.push({ path, file, tag: model.tag, info: model.info });
  }
  return planned;
}

/** What to do with one planned model, once the store has been looked at. */
export interface ModelStep extends PlannedModel {
  action: 'import' | 'skip' | 'replace';
}

/**
 * storeModelDir is where BentoML keeps a model: `$BENTOML_HOME/models/<name>/<version>`
 * (BentoML's default home is ~/bentoml).
 */
export function storeModelDir(cli: BentomlCli, tag: string): string {
  const home =
    cli.env?.['BENTOML_HOME'] || process.env['BENTOML_HOME'] || join(homedir(), 'bentoml');
  const [name, version] = tag.split(':') as [string, string];
  return join(home, 'models', name, version);
}

function conflict(model: PlannedModel, existing: Record<string, unknown>): ActionError {
  return new ActionError(
    `the BentoML store already has a different model under the tag ${model.tag} (created ${String(existing['creation_time'])}; '${model.file}' was created ${String(model.info['creation_time'])})`,
    {
      hint: 'Save the new model under a new version, or set overwrite: true to replace the one in the store',
    },
  );
}

/**
 * compareWithStore decides, for one model the store already has, whether it is the same model
 * (skip), a different one to replace (`overwrite`), or a conflict.
 */
async function compareWithStore(
  cli: BentomlCli,
  model: PlannedModel,
  overwrite: boolean,
): Promise<ModelStep['action'] | undefined> {
  const existing = await modelInfo(cli, model.tag);
  if (!existing) return undefined;
  if (sameModelInfo(existing, model.info)) return 'skip';
  if (!overwrite) throw conflict(model, existing);
  return 'replace';
}

/**
 * checkStore looks each model up in the store before anything is imported, so a conflict on the
 * last archive stops the run before the first is imported. A model whose folder the store lacks
 * is imported without asking BentoML (the fast path: one `bentoml models import`, as by hand).
 */
export async function checkStore(
  cli: BentomlCli,
  models: readonly PlannedModel[],
  overwrite: boolean,
): Promise<ModelStep[]> {
  const steps: ModelStep[] = [];
  for (const model of models) {
    const action = existsSync(storeModelDir(cli, model.tag))
      ? ((await compareWithStore(cli, model, overwrite)) ?? 'import')
      : 'import';
    steps.push({ ...model, action });
  }
  return steps;
}

/** The Bentos `bentoml models delete` says are built from a model (so it will not delete it). */
export function parseModelInUse(output: string): string[] | undefined {
  const at = output.search(/is being used by the following bentos and can't be deleted:/);
  if (at === -1) return undefined;
  const tags: string[] = [];
  for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
    const tag = line.trim();
    if (!/^[a-z0-9][-._a-z0-9]*:[a-z0-9][-._a-z0-9]*$/.test(tag)) break;
    tags.push(tag);
  }
  return tags;
}

/**
 * deleteModel removes a model from the store; the Bentos built from it are deleted first (BentoML
 * refuses to delete a model a Bento uses). Returns the deleted Bentos.
 */
export async function deleteModel(cli: BentomlCli, tag: string): Promise<string[]> {
  const first = await runBentoml(cli, modelsDeleteArgs(tag), { okCodes: [0, 1] });
  if (first.exitCode === 0) return [];
  const output = `${first.stderr}\n${first.stdout}`;
  const bentos = parseModelInUse(output)?.sort();
  if (!bentos || bentos.length === 0) {
    throw new ActionError(
      `\`bentoml models delete ${tag}\` failed: ${bentomlFailure(output).message}`,
      {
        hint: 'The log group above shows the whole output; delete the model by hand, or do not set overwrite',
      },
    );
  }
  info(`Deleting the Bentos built from the old ${tag}: ${bentos.join(', ')}`);
  await runBentoml(cli, deleteBentosArgs(bentos));
  await runBentoml(cli, modelsDeleteArgs(tag));
  return bentos;
}

/** importArchive runs `bentoml models import`; a failure says which archive and why. */
async function importArchive(cli: BentomlCli, model: PlannedModel): Promise<'imported' | 'exists'> {
  const result = await runBentoml(cli, modelsImportArgs(model.path), { okCodes: [0, 1] });
  if (result.exitCode === 0) return 'imported';
  const output = `${result.stderr}\n${result.stdout}`;
  if (/Item '[^']+' already exists in the store/.test(output)) return 'exists';
  throw new ActionError(
    `\`bentoml models import\` of '${model.file}' failed: ${bentomlFailure(output).message}`,
    {
      hint: "The log group above shows BentoML's whole output; re-export the model with bentoml models export",
    },
  );
}

/**
 * applyModel carries out one step: import, skip (with a notice), or replace (delete the old model
 * and the Bentos built from it, then import).
 */
export async function applyModel(
  cli: BentomlCli,
  step: ModelStep,
  overwrite: boolean,
): Promise<ModelImport> {
  const { file, tag } = step;
  if (step.action === 'import') {
    if ((await importArchive(cli, step)) === 'imported') return { file, tag, outcome: 'imported' };
    // The store is not where storeModelDir looked (a custom home): compare now, as checkStore would.
    const action = await compareWithStore(cli, step, overwrite);
    if (action === 'replace') return applyModel(cli, { ...step, action }, overwrite);
    step = { ...step, action: 'skip' };
  }
  if (step.action === 'skip') {
    notice(`The model ${tag} from ${file} is already in the BentoML store; skipped its import.`);
    return { file, tag, outcome: 'skipped' };
  }
  const removedBentos = await deleteModel(cli, tag);
  if (removedBentos.length > 0) {
    notice(
      `overwrite: replaced the model ${tag} with the one from ${file}, and deleted the ${removedBentos.length} Bento(s) built from the old one: ${removedBentos.join(', ')}.`,
    );
  }
  await importArchive(cli, step);
  return { file, tag, outcome: 'replaced', removedBentos };
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

/**
 * checkBuildInputs checks the build context and the bentofile without BentoML: the folder exists,
 * and the bentofile parses and keeps to BentoML's schema (an annotation points at the line).
 */
export function checkBuildInputs(options: {
  bentofile: string;
  context: string;
  workspace: string;
}): void {
  const shown = displayPath(options.bentofile, options.workspace);
  if (!existsSync(options.context) || !statSync(options.context).isDirectory()) {
    throw new ActionError(
      `the build context '${displayPath(options.context, options.workspace)}' is not a folder`,
      { hint: "Set 'build-context' to the folder that holds the service's code" },
    );
  }
  if (!existsSync(options.bentofile) || !statSync(options.bentofile).isFile()) {
    throw new ActionError(`the bentofile '${shown}' does not exist`, {
      hint: "Set 'bentofile' (relative to the workspace) or 'build-context' to where bentofile.yaml is",
    });
  }
  const problem = bentofileProblem(readFileSync(options.bentofile, 'utf8'), (file) =>
    existsSync(resolve(options.context, file)),
  );
  if (problem) {
    throw new ActionError(`the bentofile '${shown}' is not valid: ${problem.reason}`, {
      hint: 'Fix it (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html)',
      location: { file: shown, ...(problem.line ? { line: problem.line } : {}) },
    });
  }
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
  checkBuildInputs(options);
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
