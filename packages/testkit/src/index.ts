// Test support for mlops-actions: run bundled actions as the runner does, and stand-ins for GitHub.
export * from './azurite.ts';
export * from './buildah.ts';
export * from './cluster/index.ts';
export * from './events.ts';
export * from './example-project.ts';
export * from './gcs.ts';
export * from './github/index.ts';
export * from './harness.ts';
export * from './http-remote.ts';
export * from './moto.ts';
export * from './node24.ts';
export * from './python.ts';
export * from './registry.ts';
export * from './standins.ts';
export * from './tmp.ts';
export * from './tool.ts';
export * from './workflow.ts';
