// The light part of the core: safe to import at an action's start. Heavy adapters (the GitHub
// client) live behind their own entry points and are imported lazily.
export * from './context.ts';
export * from './exec.ts';
export * from './files.ts';
export * from './git.ts';
export * from './inputs.ts';
export * from './pure/index.ts';
export * from './run.ts';
export * from './runtime.ts';
