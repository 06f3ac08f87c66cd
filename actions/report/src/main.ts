import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  ActionError,
  type EventContext,
  InputError,
  Inputs,
  readContext,
} from '@mlops-actions/core';
import type { ReportInputs } from './inputs.ts';

// A metric name (a glob, or file:name) and exactly `higher` or `lower`, as the README says.
const BETTER_LINE = /^(.*\S)\s*:\s*(higher|lower)$/;

/** readInputs reads and checks the inputs before anything heavy is loaded. */
export function readInputs(inputs: Inputs = new Inputs()): ReportInputs {
  const read: ReportInputs = {
    base: inputs.optional('base'),
    workingDirectory: inputs.path('working-directory'),
    title: inputs.optional('title') ?? 'Experiment report',
    reportId: inputs.optional('report-id') ?? 'report',
    mode: inputs.oneOf('mode', ['update', 'recreate', 'append'] as const, 'update'),
    target: inputs.oneOf('target', ['auto', 'pr', 'commit', 'none'] as const, 'auto'),
    showAll: inputs.boolean('show-all'),
    precision: inputs.integer('precision', 5, 0, 15),
    metricsBetter: inputs.list('metrics-better'),
    plots: inputs.boolean('plots', true),
    imageStore: inputs.oneOf('image-store', ['branch', 'none'] as const, 'branch'),
    imageBranch: inputs.optional('image-branch') ?? 'mlops-report-images',
    reportPath: inputs.optional('report-path') ? inputs.path('report-path') : undefined,
    fetch: inputs.boolean('fetch', true),
    token: inputs.secret('token'),
  };
  const seen = new Map<string, string>();
  for (const line of read.metricsBetter) {
    const m = BETTER_LINE.exec(line.trim());
    if (!m || /^\s*:/.test(line)) {
      throw new InputError(
        'metrics-better',
        `has the line '${line}'`,
        'Write one metric per line as "name: higher" or "name: lower" (exactly these two words).',
      );
    }
    const [, name = '', direction = ''] = m;
    const before = seen.get(name);
    if (before !== undefined && before !== direction) {
      throw new InputError(
        'metrics-better',
        `says both '${name}: ${before}' and '${name}: ${direction}'`,
        'Keep one line per metric.',
      );
    }
    seen.set(name, direction);
  }
  if (/--|[\r\n]/.test(read.reportId)) {
    throw new InputError(
      'report-id',
      `is '${read.reportId}'`,
      'Use letters, digits, dots, dashes (not two in a row) or underscores.',
    );
  }
  const shown = relative(inputs.workspace, read.workingDirectory).split(sep).join('/') || '.';
  if (!existsSync(read.workingDirectory)) {
    throw new InputError(
      'working-directory',
      `is '${shown}', a folder that does not exist`,
      'Set it to the folder that holds .dvc and dvc.yaml, relative to the repository root.',
    );
  }
  if (!existsSync(join(read.workingDirectory, '.dvc'))) {
    throw new ActionError(
      `working-directory '${shown}' is not a DVC project (it has no .dvc folder)`,
      {
        hint: 'Check out the repository first, and set working-directory to the folder that holds .dvc and dvc.yaml.',
      },
    );
  }
  return read;
}

/** main reads the inputs and the event, then loads the report code and runs it. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  const context: EventContext = readContext();
  const { reportStep } = await import('./run.ts');
  await reportStep(inputs, context, process.env['GITHUB_WORKFLOW'] ?? '');
}
