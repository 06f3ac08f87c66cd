import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileCommands } from '@mlops-actions/testkit/harness';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  appendSummary,
  error,
  exportVariable,
  getState,
  group,
  info,
  knownSecrets,
  notice,
  redact,
  saveState,
  setOutput,
  setSecret,
  warning,
} from '../src/index.ts';

// The runtime writes through @actions/core; these tests hold what the runner reads (the command
// lines and files) and what core adds on top: the secret registry and the ordered summary.
let dir: string;
let printed: string[];
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runtime-'));
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY']) {
    const file = join(dir, name);
    writeFileSync(file, '');
    process.env[name] = file;
  }
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('file commands', () => {
  test.each([
    ['a plain value', 'value'],
    ['a multi-line value', 'line 1\nline 2\n'],
    ['a value with an equals sign and percent', 'a=b 100%'],
    ['an empty value', ''],
  ])('setOutput writes %s as the runner reads it', (_name, value) => {
    setOutput('result', value);
    expect(parseFileCommands(read('GITHUB_OUTPUT'))).toEqual({ result: value });
  });

  test('setOutput writes objects as JSON', () => {
    setOutput('stages', ['train', 'evaluate']);
    expect(parseFileCommands(read('GITHUB_OUTPUT'))).toEqual({ stages: '["train","evaluate"]' });
  });

  test('without GITHUB_OUTPUT, setOutput prints the set-output command', () => {
    delete process.env['GITHUB_OUTPUT'];
    setOutput('n', '1');
    expect(printed.join('')).toBe('\n::set-output name=n::1\n');
  });

  test('saveState and exportVariable write their own files', () => {
    saveState('k', 'v');
    exportVariable('MY_VAR', 'x');
    expect([
      parseFileCommands(read('GITHUB_STATE')),
      parseFileCommands(read('GITHUB_ENV')),
      process.env['MY_VAR'],
    ]).toEqual([{ k: 'v' }, { MY_VAR: 'x' }, 'x']);
  });

  test('getState reads the STATE_ variable the runner sets for the post step', () => {
    process.env['STATE_pod'] = 'runner-1';
    expect([getState('pod'), getState('absent')]).toEqual(['runner-1', '']);
  });
});

describe('job summary', () => {
  test('blocks appended without awaiting are written once each, in order', async () => {
    void appendSummary('# One');
    void appendSummary('two\n\n\n');
    await appendSummary('three');
    expect(read('GITHUB_STEP_SUMMARY')).toBe('# One\n\ntwo\n\nthree\n\n');
  });

  test('without GITHUB_STEP_SUMMARY it writes nothing and says so under debug', async () => {
    delete process.env['GITHUB_STEP_SUMMARY'];
    await appendSummary('# One');
    expect(printed.join('')).toBe(
      '::debug::GITHUB_STEP_SUMMARY is not set: the job summary is skipped\n',
    );
  });
});

describe('workflow commands', () => {
  test.each([
    [
      'a warning with file and line',
      () => warning('careful', { file: 'dvc.yaml', line: 2 }),
      '::warning file=dvc.yaml,line=2::careful\n',
    ],
    [
      'an error with escaped title, file and column',
      () => error('disk 90%\nfull', { title: 'Bad: input', file: 'src/a,b.py', line: 3, col: 7 }),
      '::error title=Bad%3A input,file=src/a%2Cb.py,line=3,col=7::disk 90%25%0Afull\n',
    ],
    ['a notice without properties', () => notice('done'), '::notice::done\n'],
  ])('%s prints one annotation line', (_name, call, line) => {
    call();
    expect(printed.join('')).toBe(line);
  });

  test('group closes even when its body throws', async () => {
    await expect(group('Phase', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(printed.join('')).toBe('::group::Phase\n::endgroup::\n');
  });
});

describe('secrets', () => {
  test('setSecret masks the value and each of its lines', () => {
    setSecret('s3cr3t-one\ns3cr3t-two');
    expect(printed.join('')).toBe(
      '::add-mask::s3cr3t-one%0As3cr3t-two\n::add-mask::s3cr3t-one\n::add-mask::s3cr3t-two\n',
    );
    expect(knownSecrets()).toEqual(
      expect.arrayContaining(['s3cr3t-one\ns3cr3t-two', 's3cr3t-one', 's3cr3t-two']),
    );
  });

  test('registered secrets are hidden from outputs, logs and our own messages', () => {
    setSecret('hunter2-token');
    printed.length = 0;
    setOutput('leak', 'token is hunter2-token');
    info('using hunter2-token');
    warning(`bad ${encodeURIComponent('hunter2-token')}`);
    expect([
      parseFileCommands(read('GITHUB_OUTPUT')),
      printed.join(''),
      redact('x hunter2-token y'),
    ]).toEqual([{ leak: 'token is ***' }, 'using ***\n::warning::bad ***\n', 'x *** y']);
  });

  test('values shorter than three characters are not masked', () => {
    setSecret('ab');
    expect(printed.join('')).toBe('');
    expect(knownSecrets()).not.toContain('ab');
  });
});
