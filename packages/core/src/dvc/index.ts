// DVC: run `dvc repro` and `dvc push` for real, read what they did, explain how they failed, and
// keep the DVC cache between jobs. Pure parts (log, lock, config, errors, keys, summary) first.
export * from './cache.ts';
export * from './cache-key.ts';
export * from './cli.ts';
export * from './config.ts';
export * from './errors.ts';
export * from './lock.ts';
export * from './log.ts';
export * from './project.ts';
export * from './push.ts';
export * from './repro.ts';
export * from './summary.ts';
