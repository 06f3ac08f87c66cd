import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as actionsCore from '@actions/core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseFileCommands } from '../../testkit/src/harness.ts';
import {
  appendSummary,
  exportVariable,
  formatCommand,
  group,
  saveState,
  setOutput,
  setSecret,
  warning,
} from '../src/index.ts';

// Our runtime replaces @actions/core on the hot path for cold start; these tests hold it to the
// same wire format, using @actions/core itself as the oracle.
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
  ])('setOutput writes %s the way @actions/core does', (_name, value) => {
    setOutput('result', value);
    const ours = parseFileCommands(read('GITHUB_OUTPUT'));
    writeFileSync(join(dir, 'GITHUB_OUTPUT'), '');
    actionsCore.setOutput('result', value);
    expect(ours).toEqual(parseFileCommands(read('GITHUB_OUTPUT')));
  });

  test('setOutput writes objects as JSON', () => {
    setOutput('stages', ['train', 'evaluate']);
    expect(parseFileCommands(read('GITHUB_OUTPUT'))).toEqual({ stages: '["train","evaluate"]' });
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

  test('appendSummary adds Markdown blocks to the job summary', () => {
    appendSummary('# One');
    appendSummary('two\n\n\n');
    expect(read('GITHUB_STEP_SUMMARY')).toBe('# One\n\ntwo\n\n');
  });
});

describe('workflow commands', () => {
  test('a warning annotation with file and line matches @actions/core', () => {
    actionsCore.warning('disk 90%\nfull', { file: 'src/a,b.py', startLine: 3 });
    expect(printed.join('').trim()).toBe(
      formatCommand('warning', { file: 'src/a,b.py', line: 3 }, 'disk 90%\nfull'),
    );
  });

  test('an error annotation with a title matches @actions/core', () => {
    actionsCore.error('x', { title: 'Bad: input' });
    expect(printed.join('').trim()).toBe(formatCommand('error', { title: 'Bad: input' }, 'x'));
  });

  test('a warning prints one annotation line', () => {
    warning('careful', { file: 'dvc.yaml', line: 2 });
    expect(printed.join('')).toBe('::warning file=dvc.yaml,line=2::careful\n');
  });

  test('group closes even when its body throws', async () => {
    await expect(group('Phase', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(printed.join('')).toBe('::group::Phase\n::endgroup::\n');
  });

  test('setSecret masks each line of a multi-line secret and hides it from outputs', () => {
    setSecret('s3cr3t-one\ns3cr3t-two');
    expect(printed.join('')).toContain('::add-mask::s3cr3t-two\n');
    setOutput('leak', 'token is s3cr3t-one');
    expect(read('GITHUB_OUTPUT')).not.toContain('s3cr3t-one');
  });
});
