// Kubernetes: image references, manifest edits, kubeconfig reading, kubectl failures, rollout
// diagnosis (pure), and the deploy that drives kubectl (adapter).
export * from './deploy.ts';
export * from './diagnose.ts';
export * from './errors.ts';
export * from './image-ref.ts';
export * from './kubeconfig.ts';
export * from './kubectl.ts';
export * from './manifests.ts';
export * from './sources.ts';
export * from './summary.ts';
