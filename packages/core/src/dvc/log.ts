// Pure: what `dvc repro` did, read from the lines it printed (DVC 3.x wording) and from dvc.lock
// before and after. No @actions/* imports, no process state.

/** One line DVC (or a stage command under it) printed, with when it arrived. */
export interface LogLine {
  text: string;
  stream: 'stdout' | 'stderr';
  /** Milliseconds on any monotonic clock. */
  at: number;
}

/** What happened to one stage in a `dvc repro` run. */
export type StageOutcome = 'ran' | 'up-to-date' | 'pulled' | 'restored' | 'failed';

/** One stage's outcome, when its first line arrived and how long it took. */
export interface StageEvent {
  stage: string;
  outcome: StageOutcome;
  /** Milliseconds from the stage's first line to the next stage's first line (or the end). */
  durationMs: number;
  /** For a stage that ran or failed: the last lines its command wrote to stderr. */
  stderrTail: string[];
}

/** What a `dvc repro` log says: stage outcomes in order, the failed stage, DVC's own errors and warnings. */
export interface ReproLog {
  stages: StageEvent[];
  /** The stage named by "failed to reproduce '<stage>'", with its command and exit code. */
  failure?: { stage: string; command?: string; exitCode?: number };
  /** DVC's `ERROR: …` lines, prefix removed. */
  errors: string[];
  /** DVC's `WARNING: …` lines, prefix removed. */
  warnings: string[];
}

// DVC 3.x messages (dvc/stage/__init__.py, dvc/stage/run.py, dvc/stage/cache.py, dvc/repo/reproduce.py).
const MARKERS: { pattern: RegExp; outcome: Exclude<StageOutcome, 'failed'> }[] = [
  { pattern: /^Running stage '(.+)':$/, outcome: 'ran' },
  { pattern: /^Stage '(.+)' didn't change, skipping$/, outcome: 'up-to-date' },
  { pattern: /^Stage '(.+)' is cached - skipping run, checking out outputs$/, outcome: 'restored' },
  { pattern: /^Pulling data for stage: '(.+)'$/, outcome: 'pulled' },
];
const UNABLE_TO_PULL = /^Unable to pull data for stage: '(.+)'$/;
const FAILED = /^ERROR: failed to reproduce '(.+?)': (.*)$/;
const FAILED_COMMAND = /failed to run: (.*), exited with (-?\d+)/;
const TAIL_LINES = 10;

/** parseReproLog reads the stage outcomes, timings and errors out of a `dvc repro` log. */
export function parseReproLog(lines: readonly LogLine[], endedAt: number): ReproLog {
  interface Open {
    stage: string;
    outcome: StageOutcome;
    startedAt: number;
    stderr: string[];
  }
  const events: Open[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  let failure: ReproLog['failure'];
  let current: Open | undefined;

  for (const line of lines) {
    const text = line.text.replace(/\s+$/, '');
    const failed = FAILED.exec(text);
    if (failed) {
      const command = FAILED_COMMAND.exec(failed[2]!);
      failure = {
        stage: failed[1]!,
        ...(command ? { command: command[1]!, exitCode: Number(command[2]) } : {}),
      };
      const stage = events.findLast((e) => e.stage === failed[1]);
      if (stage) stage.outcome = 'failed';
    }
    if (text.startsWith('ERROR: ')) {
      errors.push(text.slice('ERROR: '.length));
      continue;
    }
    if (text.startsWith('WARNING: ')) {
      warnings.push(text.slice('WARNING: '.length));
      continue;
    }
    if (UNABLE_TO_PULL.test(text)) continue;
    const marker = line.stream === 'stdout' ? matchMarker(text) : undefined;
    if (marker) {
      // A stage whose pull failed is followed by its "Running stage" line: the later line wins.
      const earlier = events.findIndex((e) => e.stage === marker.stage);
      const startedAt = earlier >= 0 ? events[earlier]!.startedAt : line.at;
      if (earlier >= 0) events.splice(earlier, 1);
      current = { stage: marker.stage, outcome: marker.outcome, startedAt, stderr: [] };
      events.push(current);
      continue;
    }
    if (line.stream === 'stderr' && current && text.trim()) current.stderr.push(text);
  }

  const stages = events.map((event, index) => {
    const next = events[index + 1];
    const end = next ? next.startedAt : endedAt;
    const ranCommand = event.outcome === 'ran' || event.outcome === 'failed';
    return {
      stage: event.stage,
      outcome: event.outcome,
      durationMs: Math.max(0, end - event.startedAt),
      stderrTail: ranCommand ? event.stderr.slice(-TAIL_LINES) : [],
    };
  });
  return { stages, ...(failure ? { failure } : {}), errors, warnings };
}

function matchMarker(
  text: string,
): { stage: string; outcome: Exclude<StageOutcome, 'failed'> } | undefined {
  for (const { pattern, outcome } of MARKERS) {
    const match = pattern.exec(text);
    if (match) return { stage: match[1]!, outcome };
  }
  return undefined;
}

/** parsePushCount reads how many files `dvc push` (or pull/fetch) transferred from its summary line. */
export function parsePushCount(
  output: string,
  verb: 'pushed' | 'fetched' | 'pulled' = 'pushed',
): number | undefined {
  const match = new RegExp(`(\\d+) files? ${verb}`).exec(output);
  if (match) return Number(match[1]);
  return /Everything is up to date\./.test(output) ? 0 : undefined;
}
