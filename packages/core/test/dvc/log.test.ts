import { describe, expect, test } from 'vitest';
import { type LogLine, parsePushCount, parseReproLog } from '../../src/dvc/index.ts';

/** lines turns `[stream, at, text]` rows into LogLines. */
function lines(rows: [LogLine['stream'], number, string][]): LogLine[] {
  return rows.map(([stream, at, text]) => ({ stream, at, text }));
}

// Printed by DVC 3.67 on a fresh clone whose first stage's data is on the remote.
const pulledThenRan = lines([
  ['stdout', 0, "Pulling data for stage: 'prepare'"],
  ['stdout', 400, "Running stage 'train':"],
  ['stdout', 401, '> python src/train.py'],
  ['stderr', 2000, 'warning from train'],
  ['stdout', 5400, "Updating lock file 'dvc.lock'"],
  ['stdout', 5500, "Running stage 'evaluate':"],
  ['stdout', 5501, '> python src/evaluate.py'],
  ['stdout', 7500, "Updating lock file 'dvc.lock'"],
]);

describe('parseReproLog', () => {
  test('names each stage with its outcome, in the order DVC handled them', () => {
    const log = parseReproLog(pulledThenRan, 8000);
    expect(log.stages.map((s) => [s.stage, s.outcome])).toEqual([
      ['prepare', 'pulled'],
      ['train', 'ran'],
      ['evaluate', 'ran'],
    ]);
  });

  test('times a stage from its first line to the next stage, the last one to the end', () => {
    const log = parseReproLog(pulledThenRan, 8000);
    expect(log.stages.map((s) => s.durationMs)).toEqual([400, 5100, 2500]);
  });

  test('keeps the stderr a stage command wrote, not its stdout', () => {
    const log = parseReproLog(pulledThenRan, 8000);
    expect(log.stages[1]?.stderrTail).toEqual(['warning from train']);
    expect(log.stages[2]?.stderrTail).toEqual([]);
  });

  test.each([
    ["Stage 'prepare' didn't change, skipping", 'up-to-date'],
    ["Stage 'train' is cached - skipping run, checking out outputs", 'restored'],
    ["Pulling data for stage: 'dvc.yaml:evaluate'", 'pulled'],
    ["Running stage 'train@lr-0.1':", 'ran'],
  ] as const)('reads "%s" as %s', (text, outcome) => {
    const log = parseReproLog(lines([['stdout', 0, text]]), 10);
    expect(log.stages.map((s) => s.outcome)).toEqual([outcome]);
  });

  test('a stage whose pull failed and then ran counts once, as ran, timed from the pull', () => {
    const log = parseReproLog(
      lines([
        ['stdout', 0, "Pulling data for stage: 'prepare'"],
        ['stdout', 300, "Unable to pull data for stage: 'prepare'"],
        ['stdout', 301, "Running stage 'prepare':"],
      ]),
      1000,
    );
    expect(log.stages).toEqual([
      { stage: 'prepare', outcome: 'ran', durationMs: 1000, stderrTail: [] },
    ]);
  });

  test('a failed stage is marked failed, with its command, exit code and last stderr lines', () => {
    const traceback = Array.from({ length: 14 }, (_, i) => `  frame ${i}`);
    const log = parseReproLog(
      lines([
        ['stdout', 0, "Stage 'prepare' didn't change, skipping"],
        ['stdout', 10, "Running stage 'train':"],
        ['stdout', 11, '> python src/train.py'],
        ['stderr', 20, 'Traceback (most recent call last):'],
        ...traceback.map((t, i): [LogLine['stream'], number, string] => ['stderr', 21 + i, t]),
        ['stderr', 50, 'IndexError: list index out of range'],
        [
          'stderr',
          60,
          "ERROR: failed to reproduce 'train': failed to run: python src/train.py, exited with 1",
        ],
      ]),
      70,
    );
    expect(log.failure).toEqual({ stage: 'train', command: 'python src/train.py', exitCode: 1 });
    expect(log.stages[1]).toMatchObject({ stage: 'train', outcome: 'failed' });
    expect(log.stages[1]?.stderrTail).toHaveLength(10);
    expect(log.stages[1]?.stderrTail.at(-1)).toBe('IndexError: list index out of range');
    expect(log.errors).toEqual([
      "failed to reproduce 'train': failed to run: python src/train.py, exited with 1",
    ]);
  });

  test('collects DVC warnings apart from stage output', () => {
    const log = parseReproLog(
      lines([
        [
          'stderr',
          0,
          "WARNING: Failed to pull run cache: config file error: remote 'nope' doesn't exist",
        ],
      ]),
      1,
    );
    expect(log.warnings).toEqual([
      "Failed to pull run cache: config file error: remote 'nope' doesn't exist",
    ]);
    expect(log.stages).toEqual([]);
  });

  test('a marker printed by a stage command on stderr is not taken for DVC', () => {
    const log = parseReproLog(lines([['stderr', 0, "Running stage 'fake':"]]), 1);
    expect(log.stages).toEqual([]);
  });
});

describe('parsePushCount', () => {
  test.each([
    ['6 files pushed', 6],
    ['1 file pushed', 1],
    ['Everything is up to date.', 0],
    ['WARNING: No remote provided and no default remote set.\nEverything is up to date.', 0],
    ['nothing DVC would print', undefined],
  ])('reads %j as %s', (output, count) => {
    expect(parsePushCount(output)).toBe(count);
  });
});
