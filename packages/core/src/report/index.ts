// @mlops-actions/core/report: the experiment report of a pull request. Params, metrics and plots of
// the workspace against a base revision, read natively (git objects, the DVC cache) with DVC's
// diff semantics, rendered as Markdown with SVG or Mermaid charts, images kept in the repository,
// and published as one sticky comment.
//
// Layout, each folder importing only from the ones before it:
//   read/     the files DVC reads, as Python-shaped values (parse, on pure/fastyaml and
//             pure/pyvalue), dvc.yaml and dvc.lock (dvcfile), and files at a revision (source: git
//             objects, workspace, DVC cache)
//   diff/     params and metrics diffs with DVC's semantics (data), or asked of DVC itself (dvc)
//   charts/   plot files as series (plot-data), drawn as SVG (svg) or Mermaid (mermaid)
//   render/   the Markdown sections (sections) and number formatting (format)
//   publish/  where the report goes and its body (destination) and the sticky rules (sticky), both
//             pure; the GitHub calls (comment); images on their branch (images, image-branch)
// and on top, composing them: collect.ts (one revision's inputs), plot-views.ts (plots of both
// revisions side by side, with the images they need) and build.ts (the report end to end).
// This index exports what callers use; tests import the modules themselves.
export { type BuildReportOptions, type BuiltReport, buildReport } from './build.ts';
export { PermissionDenied, publishCommitComment, publishSticky } from './publish/comment.ts';
export { commentBody, deniedWarning, destination } from './publish/destination.ts';
export { checkImageBranch } from './publish/image-branch.ts';
export { publishImages } from './publish/images.ts';
export { parseBetterRules } from './render/format.ts';
