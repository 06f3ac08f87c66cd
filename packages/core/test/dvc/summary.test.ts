import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  pushSummary,
  type ReproResult,
  reproSummary,
} from '../../src/dvc/index.ts';

const result: ReproResult = {
  stages: [
    { stage: 'prepare', outcome: 'pulled', durationMs: 420, pulledOutputs: ['data/prepared'] },
    { stage: 'train', outcome: 'ran', durationMs: 12_300, pulledOutputs: [] },
    { stage: 'evaluate', outcome: 'up-to-date', durationMs: 3, pulledOutputs: [] },
  ],
  run: ['train'],
  skipped: ['prepare', 'evaluate'],
};

describe('reproSummary', () => {
  const text = reproSummary({
    result,
    workingDirectory: 'ml',
    dvcVersion: '3.67.1',
    totalMs: 14_000,
    lockChanged: true,
  });

  test('counts what ran and what was up to date in the title', () => {
    expect(text.split('\n')[0]).toBe('### DVC repro in `ml`: 1 ran, 2 up to date');
  });

  test('has one row per stage with its result and time', () => {
    expect(text).toContain('| prepare | up to date, data pulled | 420 ms |');
    expect(text).toContain('| train | ran | 12.3 s |');
    expect(text).toContain('| evaluate | up to date |  |');
  });

  test('lists what was pulled', () => {
    expect(text).toContain('- `prepare`: `data/prepared`');
  });

  test('says dvc.lock changed and needs a commit', () => {
    expect(text).toContain('`dvc.lock` changed: commit it.');
  });

  test('says so when DVC reported no stage', () => {
    const empty = reproSummary({
      result: { stages: [], run: [], skipped: [] },
      workingDirectory: '.',
      dvcVersion: '3.67.1',
      totalMs: 900,
      lockChanged: false,
      cache: 'miss',
    });
    expect(empty).toContain('DVC reported no stage.');
    expect(empty).toContain('Cache: miss.');
  });
});

describe('pushSummary', () => {
  test.each([
    [
      { pushed: 6, attempts: 1, targets: [] },
      "Pushed 6 files to 'storage' (s3://b/p) (run cache included) in 2.0 s.",
    ],
    [
      { pushed: 1, attempts: 2, targets: ['train'] },
      "Pushed 1 file of `train` to 'storage' (s3://b/p) (run cache included) in 2.0 s. It took 2 tries: the remote failed transiently.",
    ],
    [
      { pushed: 0, attempts: 1, targets: [] },
      "Nothing to push: 'storage' (s3://b/p) is up to date (run cache included); checked in 2.0 s.",
    ],
  ])('renders %j', (input, line) => {
    const text = pushSummary({
      ...input,
      remote: "'storage' (s3://b/p)",
      runCache: true,
      totalMs: 2000,
    });
    expect(text).toBe(`### DVC push\n\n${line}`);
  });
});

describe('formatDuration', () => {
  test.each([
    [850, '850 ms'],
    [12_345, '12.3 s'],
    [125_000, '2 min 05 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
