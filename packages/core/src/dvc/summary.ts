// Pure: the job summary Markdown of dvc-repro and dvc-push.
import { codeBlock, details, table } from '../pure/markdown.ts';
import type { ReproResult } from './lock.ts';
import type { StageOutcome } from './log.ts';

const OUTCOME_TEXT: Record<StageOutcome, string> = {
  ran: 'ran',
  failed: 'failed',
  'up-to-date': 'up to date',
  pulled: 'up to date, data pulled',
  restored: 'restored from the run cache',
};

/** formatDuration renders milliseconds as `850 ms`, `12.3 s` or `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** What the dvc-repro summary shows besides the stages. */
export interface ReproSummaryInput {
  result: ReproResult;
  workingDirectory: string;
  dvcVersion: string;
  totalMs: number;
  lockChanged: boolean;
  /** How the DVC cache folder was restored, when cache persistence is on. */
  cache?: string;
  /** Why nothing was pulled (the remote could not be reached, on-pull-failure: recompute). */
  pullSkipped?: string;
}

/** reproSummary renders which stages ran and which were up to date, how long each took, what was pulled. */
export function reproSummary(input: ReproSummaryInput): string {
  const { result } = input;
  const where = input.workingDirectory === '.' ? '' : ` in \`${input.workingDirectory}\``;
  const counts = `${result.run.length} ran, ${result.skipped.length} up to date`;
  const lines = [
    `### DVC repro${where}: ${counts}`,
    '',
    `DVC ${input.dvcVersion}, ${formatDuration(input.totalMs)} in all. ${
      input.lockChanged ? 'A `dvc.lock` changed: commit it.' : '`dvc.lock` is unchanged.'
    }${input.cache ? ` Cache: ${input.cache}.` : ''}`,
  ];
  if (input.pullSkipped) {
    lines.push(
      '',
      `> [!WARNING]\n> Nothing was pulled: ${input.pullSkipped}. Stages not in the local cache were recomputed (on-pull-failure: recompute).`,
    );
  }
  if (result.stages.length) {
    lines.push(
      '',
      table(
        ['Stage', 'Result', 'Time'],
        result.stages.map((s) => [
          s.stage,
          OUTCOME_TEXT[s.outcome],
          s.outcome === 'up-to-date' ? '' : formatDuration(s.durationMs),
        ]),
        ['l', 'l', 'r'],
      ),
    );
  } else {
    lines.push('', 'DVC reported no stage.');
  }
  const pulled = result.stages.filter((s) => s.pulledOutputs.length);
  if (pulled.length) {
    const body = pulled
      .map((s) => `- \`${s.stage}\`: ${s.pulledOutputs.map((o) => `\`${o}\``).join(', ')}`)
      .join('\n');
    lines.push(
      '',
      details(
        `Pulled from the remote (${pulled.length} ${pulled.length === 1 ? 'stage' : 'stages'})`,
        body,
      ),
    );
  }
  return lines.join('\n');
}

/** What the dvc-push summary shows. */
export interface PushSummaryInput {
  pushed: number;
  remote: string;
  runCache: boolean;
  targets: string[];
  totalMs: number;
  attempts: number;
}

/** pushSummary renders the one-line result of a push. */
export function pushSummary(input: PushSummaryInput): string {
  const files = `${input.pushed} ${input.pushed === 1 ? 'file' : 'files'}`;
  const what = input.targets.length ? ` of ${input.targets.map((t) => `\`${t}\``).join(', ')}` : '';
  const runCache = input.runCache ? ' (run cache included)' : '';
  const time = formatDuration(input.totalMs);
  const line = input.pushed
    ? `Pushed ${files}${what} to ${input.remote}${runCache} in ${time}.`
    : `Nothing to push${what}: ${input.remote} is up to date${runCache}; checked in ${time}.`;
  const retried =
    input.attempts > 1 ? ` It took ${input.attempts} tries: the remote failed transiently.` : '';
  return `### DVC push\n\n${line}${retried}`;
}

/** failureSummary renders a failed run for the job summary: the message and DVC's last lines. */
export function failureSummary(title: string, message: string, tail: string[]): string {
  const lines = [`### ${title}`, '', message];
  if (tail.length) lines.push('', codeBlock(tail.join('\n')));
  return lines.join('\n');
}
