// Pure: reading dvc.lock and dvc.yaml, and turning a repro log plus the lock before and after into
// the stages that ran and the ones that did not. No @actions/* imports, no process state.
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import type { ReproLog, StageOutcome } from './log.ts';

/** One dvc.lock stage entry, as DVC wrote it. */
export type LockEntry = Record<string, unknown>;

/** parseLock reads dvc.lock text into its stages by name; empty or missing text gives no stages. */
export function parseLock(text: string | undefined): Map<string, LockEntry> {
  const stages = new Map<string, LockEntry>();
  if (!text?.trim()) return stages;
  const doc = parse(text) as { stages?: Record<string, LockEntry> } | null;
  for (const [name, entry] of Object.entries(doc?.stages ?? {})) stages.set(name, entry ?? {});
  return stages;
}

/** lockOutputs lists the paths of a stage's outputs recorded in dvc.lock. */
export function lockOutputs(entry: LockEntry | undefined): string[] {
  const outs = entry?.['outs'];
  if (!Array.isArray(outs)) return [];
  return outs
    .map((o) => (o as { path?: unknown }).path)
    .filter((p): p is string => typeof p === 'string');
}

/** changedLockStages names the stages whose dvc.lock entry was added or changed between two locks. */
export function changedLockStages(
  before: Map<string, LockEntry>,
  after: Map<string, LockEntry>,
): string[] {
  return [...after.keys()].filter(
    (name) => stableJson(before.get(name)) !== stableJson(after.get(name)),
  );
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stage of dvc.yaml and the line its name is on (1-based), to point annotations at. */
export interface PipelineStage {
  name: string;
  line: number;
}

/** pipelineStages lists the stages declared in dvc.yaml text, in order, with their lines. */
export function pipelineStages(text: string): PipelineStage[] {
  const doc = parseDocument(text);
  const stages = doc.get('stages', true);
  if (!isMap(stages)) return [];
  const lineOf = lineCounter(text);
  const result: PipelineStage[] = [];
  for (const item of stages.items) {
    if (!isScalar(item.key)) continue;
    const offset = item.key.range?.[0] ?? 0;
    result.push({ name: String(item.key.value), line: lineOf(offset) });
  }
  return result;
}

function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line + 1;
  };
}

/** What one stage did in a run, for outputs and the job summary. */
export interface StageResult {
  stage: string;
  outcome: StageOutcome;
  durationMs: number;
  /** Outputs DVC fetched from the remote for a pulled or restored stage. */
  pulledOutputs: string[];
}

/** The stages of a `dvc repro` run, sorted into what ran and what did not. */
export interface ReproResult {
  stages: StageResult[];
  /** Stages whose command ran (successfully or not). */
  run: string[];
  /** Stages that did not run: up to date, outputs pulled, or restored from the run cache. */
  skipped: string[];
}

/**
 * classifyStages combines the log with dvc.lock before and after: the log names what DVC did
 * (it prints a line for every stage it considers), and the lock catches a stage the log missed:
 * should DVC reword its messages, a stage whose lock entry changed still counts as run.
 */
export function classifyStages(
  log: ReproLog,
  lockBefore: Map<string, LockEntry>,
  lockAfter: Map<string, LockEntry>,
  /** Per stage, the outputs git tracks (`cache: false`): never pulled, so never listed as pulled. */
  uncached: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): ReproResult {
  const changed = new Set(changedLockStages(lockBefore, lockAfter));
  const stages: StageResult[] = log.stages.map((event) => ({
    stage: event.stage,
    // Up to date now but changed in the lock: it ran in an earlier try of a retried command.
    outcome:
      event.outcome === 'up-to-date' && changed.has(lockName(event.stage)) ? 'ran' : event.outcome,
    durationMs: event.durationMs,
    pulledOutputs:
      event.outcome === 'pulled' || event.outcome === 'restored'
        ? lockOutputs(lockAfter.get(lockName(event.stage))).filter(
            (path) => !uncached.get(lockName(event.stage))?.has(path),
          )
        : [],
  }));
  const seen = new Set(stages.map((s) => lockName(s.stage)));
  for (const name of changed) {
    if (!seen.has(name))
      stages.push({ stage: name, outcome: 'ran', durationMs: 0, pulledOutputs: [] });
  }
  const ran = (o: StageOutcome) => o === 'ran' || o === 'failed';
  return {
    stages,
    run: stages.filter((s) => ran(s.outcome)).map((s) => s.stage),
    skipped: stages.filter((s) => !ran(s.outcome)).map((s) => s.stage),
  };
}

/**
 * lockName is the key of a stage across the project's dvc.lock files, as DVC prints it from the
 * working directory: `train` for a stage of its own dvc.yaml (also printed `dvc.yaml:train`), and
 * `sub/dvc.yaml:train` for a stage of another one, whose lock is sub/dvc.lock.
 */
export function lockName(stage: string): string {
  return stage.replace(/^(?:\.\/)?dvc\.yaml:/, '');
}
