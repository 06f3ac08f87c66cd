// @mlops-actions/core/bentoml: import BentoML models, build Bentos, containerize and push them.
// The pure parts (references, commands, messages, summary) are safe to import at an action's start.
export * from './archive.ts';
export * from './bentofile.ts';
export * from './commands.ts';
export * from './image.ts';
export * from './install.ts';
export * from './messages.ts';
export * from './pipeline.ts';
export * from './reference.ts';
export * from './store.ts';
export * from './summary.ts';
