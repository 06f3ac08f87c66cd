// Releasing mlops-actions: tags, changelog, GitHub releases, standalone Marketplace repositories.
export {
  actionNotes,
  actionsOf,
  type CommitInfo,
  groupCommits,
  insertSection,
  OTHER_CHANGES,
  releaseNotes,
} from './changelog.ts';
export { discoverActions, standaloneTargets, TARGETS_FILE } from './config.ts';
export { ReleaseError } from './exec.ts';
export { type ReleaseApi, releaseApi } from './github.ts';
export { isExternal, markdownLinks, rewriteLink, rewriteReadme } from './links.ts';
export {
  type ActionReference,
  checkReferences,
  findReferences,
  hasPins,
  MONOREPO_NAME,
  moveReferences,
  userFacingFiles,
} from './references.ts';
export {
  type ReleaseOptions,
  type ReleaseOutcome,
  release,
  type StandaloneRelease,
} from './release.ts';
export {
  compareVersions,
  formatVersion,
  latestRelease,
  PLANNED_FIRST_MAJOR,
  parseVersion,
  releaseTags,
} from './semver.ts';
export {
  checkSelfContained,
  loadedSpecifiers,
  ROOT_FILES,
  writeStandaloneTree,
} from './standalone.ts';
