import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActionError,
  type EventContext,
  InputError,
  Inputs,
  readContext,
} from '@mlops-actions/core';

/** Every input of action.yml, read once and checked. */
export interface ReportInputs {
  base: string | undefined;
  workingDirectory: string;
  title: string;
  reportId: string;
  mode: 'update' | 'recreate' | 'append';
  target: 'auto' | 'pr' | 'commit' | 'none';
  showAll: boolean;
  precision: number;
  metricsBetter: string[];
  plots: boolean;
  imageStore: 'branch' | 'none';
  imageBranch: string;
  reportPath: string | undefined;
  fetch: boolean;
  token: string;
}

const BETTER_LINE = /^.+?\s*:\s*(higher|lower|up|down|max|min)\s*$/i;

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
  const bad = read.metricsBetter.find((line) => !BETTER_LINE.test(line));
  if (bad !== undefined) {
    throw new InputError(
      'metrics-better',
      `has the line '${bad}'`,
      'Write one metric per line as "name: higher" or "name: lower".',
    );
  }
  if (/--|[\r\n]/.test(read.reportId)) {
    throw new InputError(
      'report-id',
      `is '${read.reportId}'`,
      'Use letters, digits, dots, dashes (not two in a row) or underscores.',
    );
  }
  if (!existsSync(join(read.workingDirectory, '.dvc'))) {
    throw new ActionError(`${read.workingDirectory} is not a DVC project (it has no .dvc folder)`, {
      hint: 'Check out the repository first, and set working-directory to the folder that holds .dvc and dvc.yaml.',
    });
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
