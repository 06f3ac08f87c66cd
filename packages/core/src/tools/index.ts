// Installing and finding command-line tools: pinned Python CLIs in venvs kept in the tool cache.
export * from './layout.ts';
export * from './python-tool.ts';
export * from './which.ts';
