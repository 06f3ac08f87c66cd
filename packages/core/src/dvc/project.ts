// The plan phase of dvc-repro and dvc-push: every file DVC will read (each dvc.yaml of the project,
// each dvc.lock, the params files the stages name, .dvc/config) is read and checked, and every
// target resolved, before DVC starts. A mistake is then one error naming the file and line, found
// before anything is pulled, pushed or computed. Reads files only; starts no tool.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { ActionError, FileParseError } from '../pure/errors.ts';
import { yamlProblem } from '../pure/yaml-problem.ts';
import { findDvcRoot, remotesFromFiles } from './cli.ts';
import type { DvcRemote, DvcRemotes } from './config.ts';
import type { LockEntry } from './lock.ts';
import { readYamlText, stageLines } from './yaml.ts';

/** An output a stage declares (outs, metrics, plots), relative to its dvc.yaml's folder. */
export interface StageOutput {
  path: string;
  /** false for `cache: false` outputs, which git tracks and DVC never pulls or pushes. */
  cache: boolean;
}

/** A stage as one dvc.yaml defines it. */
export interface StageDefinition {
  name: string;
  /** The dvc.yaml that defines it, relative to the workspace (for annotations). */
  file: string;
  /** The line of the stage's name in that file. */
  line: number;
  /** How DVC names it from the working directory: `train`, or `sub/dvc.yaml:train`. */
  address: string;
  outputs: StageOutput[];
  /** Params the stage reads: file (relative to the dvc.yaml folder) and dotted keys. */
  params: { file: string; keys: string[] }[];
}

/** One dvc.yaml of the project. */
export interface PipelineFile {
  /** Absolute path. */
  path: string;
  /** Relative to the workspace, for messages and annotations. */
  shown: string;
  /** Relative to the working directory, as DVC addresses it (`dvc.yaml`, `sub/dvc.yaml`). */
  address: string;
  stages: StageDefinition[];
  /** Uses templating (vars, foreach, matrix, `${…}`): names and paths are DVC's to resolve. */
  templated: boolean;
}

/** A DVC project as the plan phase found it. */
export interface DvcProject {
  /** The folder holding .dvc/. */
  root: string;
  workspace: string;
  workingDirectory: string;
  pipelines: PipelineFile[];
  /** Outputs of `.dvc` files, relative to the working directory. */
  trackedFiles: string[];
  remotes: DvcRemotes;
}

// Folders that are never part of a pipeline and can be large.
const SKIP = new Set(['.git', '.dvc', 'node_modules', '.venv', 'venv', '__pycache__', '.tox']);

/** shownPath is a path relative to the workspace with forward slashes (`.` for the root). */
export function shownPath(workspace: string, path: string): string {
  const rel = relative(workspace, path);
  if (!rel) return '.';
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** walk lists the dvc.yaml and .dvc files under a folder (never entering SKIP or .dvcignore'd names). */
function walk(root: string, ignored: Set<string>): { pipelines: string[]; dvcFiles: string[] } {
  const pipelines: string[] = [];
  const dvcFiles: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 20) return;
    let names: import('node:fs').Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      if (ignored.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) visit(full, depth + 1);
      } else if (entry.name === 'dvc.yaml') pipelines.push(full);
      else if (entry.name.endsWith('.dvc')) dvcFiles.push(full);
    }
  };
  visit(root, 0);
  return { pipelines: pipelines.sort(), dvcFiles: dvcFiles.sort() };
}

/** dvcignoreNames reads the plain names (no globs, no paths) of the root .dvcignore. */
function dvcignoreNames(root: string): Set<string> {
  const file = join(root, '.dvcignore');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter((l) => l && !l.startsWith('#') && !/[*?[\]/!]/.test(l)),
  );
}

/** readYamlFile parses a YAML file DVC reads, or throws the one parser-error format. */
function readYamlFile(path: string, shown: string, hint: string): unknown {
  return readYamlWithText(readFileSync(path, 'utf8'), shown, hint).value;
}

/** readYamlWithText parses a YAML text DVC reads, or throws the one parser-error format. */
function readYamlWithText(
  text: string,
  shown: string,
  hint: string,
): { value: unknown; fast: boolean } {
  // Parsed once, by the fast reader when it can; the check's wording is asked for only when
  // something is wrong (issue 16).
  const read = readYamlText(text);
  if (!read.ok) {
    const problem = yamlProblem(text) ?? { line: undefined, reason: 'invalid YAML' };
    throw new FileParseError(shown, problem.line, problem.reason, hint);
  }
  return read;
}

const TEMPLATED = /\$\{|^\s*(?:vars|foreach|matrix)\s*:/m;

function outputsOf(stage: Record<string, unknown>): StageOutput[] {
  const outputs: StageOutput[] = [];
  for (const field of ['outs', 'metrics', 'plots']) {
    const list = stage[field];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'string') outputs.push({ path: item, cache: true });
      else if (item && typeof item === 'object') {
        for (const [path, flags] of Object.entries(item as Record<string, unknown>)) {
          const cache = (flags as { cache?: unknown } | null)?.cache;
          outputs.push({ path, cache: cache !== false });
        }
      }
    }
  }
  return outputs;
}

function paramsOf(stage: Record<string, unknown>): { file: string; keys: string[] }[] {
  const list = stage['params'];
  if (!Array.isArray(list)) return [];
  const byFile = new Map<string, string[]>();
  const add = (file: string, keys: string[]) =>
    byFile.set(file, [...(byFile.get(file) ?? []), ...keys]);
  for (const item of list) {
    if (typeof item === 'string') add('params.yaml', [item]);
    else if (item && typeof item === 'object') {
      for (const [file, keys] of Object.entries(item as Record<string, unknown>)) {
        add(
          file,
          Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
        );
      }
    }
  }
  return [...byFile].map(([file, keys]) => ({ file, keys }));
}

/**
 * loadProject reads every dvc.yaml of the DVC project that holds `workingDirectory` (and the
 * dvc.lock beside each, and .dvc/config), failing with the file and line of the first that does
 * not parse or does not have DVC's shape.
 */
export function loadProject(workspace: string, workingDirectory: string): DvcProject {
  const root = findDvcRoot(workingDirectory) ?? workingDirectory;
  for (const name of ['config', 'config.local'])
    checkConfigSyntax(workspace, join(root, '.dvc', name));
  const found = walk(root, dvcignoreNames(root));
  const pipelines: PipelineFile[] = [];
  for (const path of found.pipelines) {
    const shown = shownPath(workspace, path);
    const hint = `Fix ${shown} so that DVC can read it`;
    const text = readFileSync(path, 'utf8');
    const read = readYamlWithText(text, shown, hint);
    const doc = read.value as Record<string, unknown> | null;
    if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) {
      throw new FileParseError(shown, 1, 'it is not a mapping (stages:, params:, metrics:…)', hint);
    }
    const stagesNode = doc?.['stages'];
    if (
      stagesNode !== undefined &&
      stagesNode !== null &&
      (typeof stagesNode !== 'object' || Array.isArray(stagesNode))
    ) {
      const line = text.split('\n').findIndex((l) => /^stages\s*:/.test(l)) + 1 || undefined;
      throw new FileParseError(shown, line, "'stages' is not a mapping of stage names", hint);
    }
    const lines = stageLines(
      text,
      Object.keys((stagesNode as Record<string, unknown>) ?? {}),
      read.fast,
    );
    const rel = toPosix(relative(workingDirectory, path));
    const prefix = rel === 'dvc.yaml' ? '' : `${rel}:`;
    const stages: StageDefinition[] = [];
    for (const [name, body] of Object.entries((stagesNode as Record<string, unknown>) ?? {})) {
      const stage = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const line = lines.get(name) ?? 1;
      if (!TEMPLATED.test(text) && !('cmd' in stage)) {
        throw new FileParseError(
          shown,
          line,
          `stage '${name}' has no 'cmd'`,
          `${hint}: every stage needs the command it runs`,
        );
      }
      stages.push({
        name,
        file: shown,
        line,
        address: `${prefix}${name}`,
        outputs: outputsOf(stage),
        params: paramsOf(stage),
      });
    }
    pipelines.push({ path, shown, address: rel, stages, templated: TEMPLATED.test(text) });
    const lock = join(dirname(path), 'dvc.lock');
    if (existsSync(lock)) {
      const lockShown = shownPath(workspace, lock);
      readYamlFile(lock, lockShown, `Fix ${lockShown}, or delete it: \`dvc repro\` writes it anew`);
    }
  }
  const trackedFiles: string[] = [];
  for (const path of found.dvcFiles) {
    const shown = shownPath(workspace, path);
    const doc = readYamlFile(
      path,
      shown,
      `Fix ${shown}, or track the data again with \`dvc add\``,
    ) as {
      outs?: { path?: unknown }[];
    } | null;
    for (const out of Array.isArray(doc?.outs) ? doc.outs : []) {
      if (typeof out?.path === 'string')
        trackedFiles.push(toPosix(relative(workingDirectory, join(dirname(path), out.path))));
    }
  }
  return {
    root,
    workspace,
    workingDirectory,
    pipelines,
    trackedFiles,
    remotes: remotesFromFiles(workingDirectory),
  };
}

/**
 * checkConfigSyntax reads .dvc/config as DVC's configobj does, line by line: a `[section]`, a
 * `key = value`, a comment or a blank line. Anything else is an error on that line.
 */
function checkConfigSyntax(workspace: string, file: string): void {
  if (!existsSync(file)) return;
  const shown = shownPath(workspace, file);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[+[^\]]+\]+$/.test(line) || /^[^=[\]]+=/.test(line)) continue;
    throw new FileParseError(
      shown,
      index + 1,
      `'${line}' is neither a [section] nor a key = value line`,
      `Fix ${shown} (\`dvc config\` and \`dvc remote\` write it for you)`,
    );
  }
}

/** checkParams fails on a params file a stage names that is missing, does not parse, or lacks a key. */
export function checkParams(project: DvcProject, stages: readonly StageDefinition[]): void {
  const parsed = new Map<string, unknown>();
  for (const pipeline of project.pipelines) {
    if (pipeline.templated) continue;
    for (const stage of pipeline.stages.filter((s) => stages.includes(s))) {
      for (const { file, keys } of stage.params) {
        if (!/\.(ya?ml|json)$/i.test(file)) continue;
        const path = join(dirname(pipeline.path), file);
        const shown = shownPath(project.workspace, path);
        if (!existsSync(path)) {
          throw new ActionError(
            `stage '${stage.address}' reads params from ${shown}, which does not exist`,
            {
              hint: `Commit ${shown}, or fix the params of the stage in ${stage.file}`,
              location: { file: stage.file, line: stage.line },
            },
          );
        }
        if (!parsed.has(path)) {
          const hint = `Fix ${shown} so that DVC can read it`;
          if (/\.json$/i.test(file)) {
            try {
              parsed.set(path, JSON.parse(readFileSync(path, 'utf8')));
            } catch (error) {
              throw new FileParseError(
                shown,
                undefined,
                `invalid JSON, ${(error as Error).message}`,
                hint,
              );
            }
          } else parsed.set(path, readYamlFile(path, shown, hint));
        }
        const doc = parsed.get(path);
        for (const key of keys) {
          if (!hasKey(doc, key)) {
            throw new ActionError(
              `stage '${stage.address}' reads param '${key}', which ${shown} does not have`,
              {
                hint: `Add '${key}' to ${shown}, or remove it from the params of the stage`,
                location: { file: stage.file, line: stage.line },
              },
            );
          }
        }
      }
    }
  }
}

function hasKey(doc: unknown, key: string): boolean {
  if (doc && typeof doc === 'object' && key in (doc as object)) return true;
  const dot = key.indexOf('.');
  if (dot < 0) return false;
  let node: unknown = doc;
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (!node || typeof node !== 'object') return false;
    // A key may itself hold dots: try the longest match first.
    const rest = parts.slice(i).join('.');
    if (rest in (node as object)) return true;
    node = (node as Record<string, unknown>)[parts[i]!];
  }
  return node !== undefined;
}

/** allStages lists the stages of every dvc.yaml of the project. */
export function allStages(project: DvcProject): StageDefinition[] {
  return project.pipelines.flatMap((p) => p.stages);
}

/** findStage finds a stage by the name DVC prints for it (relative to the working directory). */
export function findStage(project: DvcProject, address: string): StageDefinition | undefined {
  return allStages(project).find((s) => s.address === address);
}

/** What a target resolved to: stages of dvc.yaml files, or a path DVC tracks. */
export type ResolvedTarget =
  | { kind: 'stages'; target: string; stages: StageDefinition[] }
  | { kind: 'path'; target: string }
  | { kind: 'unknown-to-us'; target: string };

/**
 * resolveTargets checks each target as DVC reads it: `stage` (in the working directory's
 * dvc.yaml), `path/dvc.yaml:stage`, `path/dvc.yaml`, a `.dvc` file, or a path that is (or is inside)
 * an output a stage or `.dvc` file tracks. A templated dvc.yaml is left to DVC.
 */
export function resolveTargets(project: DvcProject, targets: readonly string[]): ResolvedTarget[] {
  return targets.map((target) => resolveTarget(project, target));
}

function normal(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
}

function resolveTarget(project: DvcProject, target: string): ResolvedTarget {
  const wd = project.workingDirectory;
  const colon = target.lastIndexOf(':');
  const pipelineOf = (file: string) => project.pipelines.find((p) => p.address === normal(file));
  const here = pipelineOf('dvc.yaml');
  const unknownHint = (pipeline: PipelineFile | undefined) => {
    const names = pipeline?.stages.map((s) => s.name) ?? [];
    return `Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path).${
      names.length ? ` Stages in ${pipeline!.address}: ${names.join(', ')}.` : ''
    }`;
  };
  const at = (pipeline: PipelineFile | undefined) =>
    pipeline ? { location: { file: pipeline.shown } } : {};

  if (colon > 0 && /(^|\/)dvc\.yaml$/.test(target.slice(0, colon))) {
    const file = target.slice(0, colon);
    const name = target.slice(colon + 1);
    const pipeline = pipelineOf(file);
    if (!pipeline) {
      throw new ActionError(
        `unknown target '${target}': ${normal(file)} does not exist in working-directory '${shownPath(project.workspace, wd)}'`,
        {
          hint: "Fix 'targets': give the path of a dvc.yaml relative to working-directory",
        },
      );
    }
    if (pipeline.templated) return { kind: 'unknown-to-us', target };
    const stage = pipeline.stages.find((s) => s.name === name);
    if (!stage) {
      throw new ActionError(
        `unknown target '${target}': ${pipeline.address} has no stage '${name}'`,
        {
          hint: unknownHint(pipeline),
          ...at(pipeline),
        },
      );
    }
    return { kind: 'stages', target, stages: [stage] };
  }
  const file = pipelineOf(target);
  if (file && /(^|\/)dvc\.yaml$/.test(normal(target)))
    return { kind: 'stages', target, stages: file.stages };
  if (here && !target.includes('/')) {
    const stage = here.stages.find((s) => s.name === target);
    if (stage) return { kind: 'stages', target, stages: [stage] };
  }
  if (target.endsWith('.dvc') && existsSync(join(wd, target))) return { kind: 'path', target };
  const path = normal(target);
  const outputs = [
    ...project.trackedFiles,
    ...project.pipelines.flatMap((p) =>
      p.stages.flatMap((s) =>
        s.outputs.map((o) => normal(posix.join(posix.dirname(p.address), o.path))),
      ),
    ),
  ];
  if (outputs.some((o) => path === o || path.startsWith(`${o}/`))) return { kind: 'path', target };
  if (project.pipelines.some((p) => p.templated)) return { kind: 'unknown-to-us', target };
  throw new ActionError(
    `unknown target '${target}': it is neither a stage in dvc.yaml nor an output DVC tracks`,
    { hint: unknownHint(here), ...at(here) },
  );
}

/**
 * plannedRemote finds the remote a command will use (the named one, else the default) in the
 * project's .dvc/config and .dvc/config.local. With `soft`, one that is not there gives undefined
 * (it may be a user- or system-level remote, which only DVC sees); otherwise an error.
 */
export function plannedRemote(
  project: DvcProject,
  name: string | undefined,
  soft = false,
): DvcRemote | undefined {
  const { remotes } = project;
  const wanted = name || remotes.defaultRemote;
  if (!wanted) return undefined;
  const remote = remotes.remotes.find((r) => r.name === wanted);
  if (remote) return remote;
  if (soft) return undefined;
  const names = remotes.remotes
    .map((r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`)
    .join(', ');
  const configured = names ? `Configured remotes: ${names}.` : 'The project configures no remote.';
  if (name) {
    throw new ActionError(`DVC remote '${name}' is not configured in this project`, {
      hint: `${configured} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
    });
  }
  throw new ActionError(
    `the default DVC remote '${wanted}' (core.remote in .dvc/config) is not configured`,
    {
      hint: `${configured} Fix core.remote with \`dvc remote default <name>\`, or add the remote with \`dvc remote add\``,
      location: { file: shownPath(project.workspace, join(project.root, '.dvc', 'config')) },
    },
  );
}

/**
 * readLocks reads every dvc.lock of the project, keyed by the stage name DVC prints; `texts`, when
 * given, are the locks as lockTexts read them, so that they are not read twice.
 */
export function readLocks(
  project: DvcProject,
  texts?: ReadonlyMap<string, string | undefined>,
): Map<string, LockEntry> {
  const entries = new Map<string, LockEntry>();
  for (const pipeline of project.pipelines) {
    const lock = join(dirname(pipeline.path), 'dvc.lock');
    const text = texts
      ? texts.get(lock)
      : existsSync(lock)
        ? readFileSync(lock, 'utf8')
        : undefined;
    if (text === undefined) continue;
    const read = readYamlText(text);
    if (!read.ok) continue;
    const doc = read.value as { stages?: Record<string, LockEntry> } | null;
    const prefix = pipeline.address === 'dvc.yaml' ? '' : `${pipeline.address}:`;
    for (const [name, entry] of Object.entries(doc?.stages ?? {}))
      entries.set(`${prefix}${name}`, entry ?? {});
  }
  return entries;
}

/** lockTexts reads every dvc.lock of the project as text, by path, to tell whether one changed. */
export function lockTexts(project: DvcProject): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  for (const pipeline of project.pipelines) {
    const lock = join(dirname(pipeline.path), 'dvc.lock');
    texts.set(lock, existsSync(lock) ? readFileSync(lock, 'utf8') : undefined);
  }
  return texts;
}

/** uncachedOutputs lists, per stage address, the outputs DVC does not cache (`cache: false`). */
export function uncachedOutputs(project: DvcProject): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const stage of allStages(project)) {
    map.set(
      stage.address,
      new Set(stage.outputs.filter((o) => !o.cache).map((o) => normal(o.path))),
    );
  }
  return map;
}

/** isDirectory tells whether a path is an existing folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
