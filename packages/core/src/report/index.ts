// @mlops-actions/core/report: the experiment report of a pull request. Params, metrics and plots of
// the workspace against a base revision, read natively (git objects, the DVC cache) with DVC's
// diff semantics, rendered as Markdown with SVG or Mermaid charts, images kept in the repository,
// and published as one sticky comment.
export * from './collect.ts';
export * from './comment.ts';
export * from './diff.ts';
export * from './dvcfile.ts';
export * from './fastyaml.ts';
export * from './format.ts';
export * from './image-branch.ts';
export * from './images.ts';
export * from './mermaid.ts';
export * from './parse.ts';
export * from './plots.ts';
export * from './publish.ts';
export * from './pyvalue.ts';
export * from './render.ts';
export * from './report.ts';
export * from './source.ts';
export * from './sticky.ts';
export * from './svg.ts';
export * from './views.ts';
