// The report's inputs as one typed object: read and checked by main.ts, used by run.ts (each
// imports it from here, so neither imports the other).

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
