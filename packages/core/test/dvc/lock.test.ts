import { describe, expect, test } from 'vitest';
import {
  changedLockStages,
  classifyStages,
  lockName,
  lockOutputs,
  parseLock,
  parseReproLog,
  pipelineStages,
} from '../../src/dvc/index.ts';

// The shape DVC 3 writes (schema 2.0), trimmed.
const lockV1 = `schema: '2.0'
stages:
  prepare:
    cmd: python src/prepare.py
    params:
      params.yaml:
        prepare.seed: 7
    outs:
    - path: data/prepared
      hash: md5
      md5: f26007f45fd0b511fc47302f45271338.dir
  train:
    cmd: python src/train.py
    params:
      params.yaml:
        train.epochs: 30
    outs:
    - path: model/model.joblib
      hash: md5
      md5: 1111
    - path: model/training_history.json
      hash: md5
      md5: 2222
`;
const lockV2 = lockV1
  .replace('train.epochs: 30', 'train.epochs: 20')
  .replace('md5: 1111', 'md5: 3333');

const dvcYaml = `# comment
stages:
  prepare:
    cmd: python src/prepare.py
  train:
    cmd: python src/train.py

  evaluate:
    cmd: python src/evaluate.py
plots:
  - a.json
`;

describe('dvc.lock', () => {
  test('parseLock reads every stage entry by name', () => {
    expect([...parseLock(lockV1).keys()]).toEqual(['prepare', 'train']);
  });

  test.each([undefined, '', '\n'])('parseLock of %j has no stages', (text) => {
    expect(parseLock(text).size).toBe(0);
  });

  test('lockOutputs lists the output paths of a stage', () => {
    expect(lockOutputs(parseLock(lockV1).get('train'))).toEqual([
      'model/model.joblib',
      'model/training_history.json',
    ]);
  });

  test('changedLockStages names only the stages whose entry changed or appeared', () => {
    const onlyPrepare = parseLock(lockV1);
    onlyPrepare.delete('train');
    expect(changedLockStages(parseLock(lockV1), parseLock(lockV2))).toEqual(['train']);
    expect(changedLockStages(onlyPrepare, parseLock(lockV1))).toEqual(['train']);
  });

  test('changedLockStages ignores the order of keys', () => {
    const reordered = lockV1
      .replace('    cmd: python src/prepare.py\n    params:', '    params:')
      .replace(
        '      md5: f26007f45fd0b511fc47302f45271338.dir\n',
        '      md5: f26007f45fd0b511fc47302f45271338.dir\n    cmd: python src/prepare.py\n',
      );
    expect(changedLockStages(parseLock(lockV1), parseLock(reordered))).toEqual([]);
  });
});

describe('pipelineStages', () => {
  test('lists the stages of dvc.yaml with the line of each name', () => {
    expect(pipelineStages(dvcYaml)).toEqual([
      { name: 'prepare', line: 3 },
      { name: 'train', line: 5 },
      { name: 'evaluate', line: 8 },
    ]);
  });

  test('a dvc.yaml without stages has none', () => {
    expect(pipelineStages('plots:\n  - a.json\n')).toEqual([]);
  });
});

describe('lockName', () => {
  test.each([
    ['train', 'train'],
    ['dvc.yaml:train', 'train'],
    ['./dvc.yaml:train', 'train'],
    ['sub/dvc.yaml:train', 'sub/dvc.yaml:train'],
    ['train@lr:0.1', 'train@lr:0.1'],
  ])('%s is %s in dvc.lock', (printed, name) => {
    expect(lockName(printed)).toBe(name);
  });
});

describe('classifyStages', () => {
  const log = (...texts: string[]) =>
    parseReproLog(
      texts.map((text, i) => ({ text, stream: 'stdout' as const, at: i * 100 })),
      texts.length * 100,
    );

  test('sorts the stages into run and skipped, and lists what a pulled stage fetched', () => {
    const result = classifyStages(
      log("Pulling data for stage: 'prepare'", "Running stage 'train':"),
      parseLock(lockV1),
      parseLock(lockV2),
    );
    expect(result.run).toEqual(['train']);
    expect(result.skipped).toEqual(['prepare']);
    expect(result.stages[0]?.pulledOutputs).toEqual(['data/prepared']);
  });

  test('a stage the log does not name but whose lock entry changed counts as run', () => {
    const result = classifyStages(
      log("Stage 'prepare' didn't change, skipping"),
      parseLock(lockV1),
      parseLock(lockV2),
    );
    expect(result.run).toEqual(['train']);
    expect(result.skipped).toEqual(['prepare']);
  });

  test('a stage that is up to date now but changed in the lock ran in an earlier try', () => {
    const result = classifyStages(
      log("Stage 'prepare' didn't change, skipping", "Stage 'train' didn't change, skipping"),
      parseLock(lockV1),
      parseLock(lockV2),
    );
    expect(result.run).toEqual(['train']);
  });

  test('a pulled stage does not list its git-tracked (cache: false) outputs as pulled', () => {
    const result = classifyStages(
      log("Pulling data for stage: 'prepare'"),
      parseLock(lockV1),
      parseLock(lockV1),
      new Map([['prepare', new Set(['data/prepared'])]]),
    );
    expect(result.stages[0]?.pulledOutputs).toEqual([]);
  });

  test('stages of another dvc.yaml are keyed by their file, not only their name', () => {
    const result = classifyStages(
      log("Running stage 'sub/dvc.yaml:train':"),
      new Map(),
      new Map([
        ['train', { cmd: 'a' }],
        ['sub/dvc.yaml:train', { cmd: 'b' }],
      ]),
    );
    expect(result.run).toEqual(['sub/dvc.yaml:train', 'train']);
  });

  test('a stage outside the run (not targeted) is neither run nor skipped', () => {
    const result = classifyStages(
      log("Stage 'prepare' didn't change, skipping"),
      parseLock(lockV1),
      parseLock(lockV1),
    );
    expect(result).toMatchObject({ run: [], skipped: ['prepare'] });
  });
});
