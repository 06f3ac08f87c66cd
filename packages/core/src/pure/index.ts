// Pure modules: no @actions/* imports, no process state; tested with plain values.
export * from './errors.ts';
export * from './event.ts';
export * from './inputs.ts';
export * from './markdown.ts';
export * from './redact.ts';
export * from './retry.ts';
