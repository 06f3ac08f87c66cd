// The report, end to end: resolve the base, read both revisions natively (fetching only missing
// DVC objects), diff params and metrics, draw plots, publish images, and render the Markdown.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ExecError, exec } from '../exec.ts';
import { Git } from '../git.ts';
import { ActionError } from '../pure/errors.ts';
import { group, info, warning } from '../runtime.ts';
import { collectSnapshot, type Problem, type Snapshot } from './collect.ts';
import { type DataDiff, diffData, diffToJson } from './diff/data.ts';
import { type DvcExecutable, dvcDiff, dvcPath } from './diff/dvc.ts';
import { type CollectedPlot, plotViews } from './plot-views.ts';
import type { ImageFile, ImageStoreResult } from './publish/images.ts';
import {
  DvcCache,
  GitObjects,
  GitRevision,
  type MissingObject,
  readCacheDir,
  WorkspaceFiles,
} from './read/source.ts';
import type { BetterRule } from './render/format.ts';
import { changedMetrics, type ReportModel, renderSections } from './render/sections.ts';

/** How to build the report. */
export interface BuildReportOptions {
  /** The DVC project folder (inside a git checkout). */
  cwd: string;
  /** Branch, tag or SHA to compare the workspace with. */
  base: string;
  title: string;
  marker: string;
  headSha: string;
  /** Builds links to commits (`${serverUrl}/${owner}/${repo}`), when known. */
  repoUrl: string | undefined;
  runUrl: string | undefined;
  showAll: boolean;
  precision: number;
  better: BetterRule[];
  plots: boolean;
  /** Fetch DVC objects missing from the local cache with `dvc fetch`. */
  fetch: boolean;
  /** The DVC executable (fetching, and templated dvc.yaml files), or how to get it when first needed. */
  dvc: DvcExecutable;
  /** Render data plots as SVG images (true) or Mermaid (false). */
  svg: boolean;
  /** Publishes images; undefined when images are not stored. */
  publish: ((images: ImageFile[]) => Promise<ImageStoreResult>) | undefined;
  /** Why images are not published, shown in place of them. */
  noImagesReason?: string;
  /** The git remote to fetch the base from. */
  remote?: string;
}

/** The built report. */
export interface BuiltReport {
  markdown: string;
  sections: string[];
  model: ReportModel;
  baseSha: string;
  /** Changed metrics in the shape of `dvc metrics diff --json`. */
  metricsChanged: Record<string, unknown>;
  /** Problems at the base revision, reported as warnings (the workspace's are errors). */
  warnings: Problem[];
}

const SAFE_REF = /^(?!-)[^\0\s~^:?*[\\]+$/;

/**
 * resolveBase turns a branch, tag or SHA into a commit, fetching it from the remote when the
 * checkout lacks it (a shallow clone, or one branch only). A missing base is an ActionError.
 */
export async function resolveBase(cwd: string, base: string, remote = 'origin'): Promise<string> {
  if (!SAFE_REF.test(base)) {
    throw new ActionError(`base '${base}' is not a branch, tag or commit name`, {
      hint: 'Set base to a branch, tag or commit SHA, for example main, v1.0 or a 40-character SHA.',
    });
  }
  const git = new Git(cwd);
  const candidates = [
    `refs/remotes/${remote}/${base}`,
    `refs/tags/${base}`,
    `refs/heads/${base}`,
    base,
  ];
  for (const candidate of candidates) {
    const sha = await git.revParse(candidate);
    if (sha) return sha;
  }
  const hasRemote = (await git.tryRun(['remote', 'get-url', remote])) !== undefined;
  if (hasRemote) {
    const depth = (await git.isShallow()) ? ['--depth=1'] : [];
    const refspecs = [
      `+refs/heads/${base}:refs/remotes/${remote}/${base}`,
      `+refs/tags/${base}:refs/tags/${base}`,
    ];
    if (/^[0-9a-f]{40}$/i.test(base)) refspecs.push(base);
    for (const refspec of refspecs) {
      const fetched = await git.exec(['fetch', '--no-tags', '--quiet', ...depth, remote, refspec], {
        okCodes: [0, 1, 128],
      });
      if (fetched.exitCode !== 0) continue;
      info(`Fetched ${base} from ${remote}`);
      for (const candidate of candidates) {
        const sha = await git.revParse(candidate);
        if (sha) return sha;
      }
    }
  }
  throw new ActionError(
    `base '${base}' was found neither in the checkout nor on ${hasRemote ? `the remote '${remote}'` : 'any remote'}`,
    {
      hint: 'Set base to a branch, tag or commit that exists in the repository.',
    },
  );
}

/** fetchObjects asks DVC for exactly the missing cache objects, through a throwaway .dvc file each. */
export async function fetchObjects(
  cwd: string,
  dvc: DvcExecutable,
  objects: MissingObject[],
): Promise<string | undefined> {
  const dir = await mkdtemp(join(cwd, '.mlops-report-fetch-'));
  try {
    const executable = await dvcPath(dvc);
    const targets: string[] = [];
    for (const [i, object] of objects.entries()) {
      const file = join(dir, `object-${i}.dvc`);
      const hash = object.legacy ? '' : '  hash: md5\n';
      await writeFile(file, `outs:\n- md5: ${object.md5}\n${hash}  path: object-${i}\n`);
      targets.push(relative(cwd, file));
    }
    await exec(executable, ['fetch', ...targets], {
      cwd,
      silent: true,
      env: { DVC_NO_ANALYTICS: '1' },
      notFoundHint: 'Install DVC (for example with the setup-dvc action), or set fetch to false.',
    });
    return undefined;
  } catch (error) {
    return error instanceof ExecError ? error.message : (error as Error).message;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function problemError(problem: Problem, prefix: string): ActionError {
  return new ActionError(problem.message, {
    hint: problem.file.endsWith('dvc.yaml')
      ? 'Fix dvc.yaml so that DVC can read it.'
      : 'Fix the file, or the stage that writes it.',
    location:
      problem.line === undefined
        ? { file: `${prefix}${problem.file}` }
        : { file: `${prefix}${problem.file}`, line: problem.line },
  });
}

function onlyChanged(diff: DataDiff): Record<string, unknown> {
  const changed: DataDiff = new Map();
  for (const { path, key, d } of changedMetrics(diff)) {
    if (!changed.has(path)) changed.set(path, new Map());
    changed.get(path)!.set(key, d);
  }
  return diffToJson(changed);
}

/** buildReport reads both revisions and renders the report; it publishes images but no comment. */
export async function buildReport(options: BuildReportOptions): Promise<BuiltReport> {
  const git = new Git(options.cwd);
  const [gitRoot = options.cwd, prefix = ''] = (
    await git.exec(['rev-parse', '--show-toplevel', '--show-prefix'])
  ).stdout.split('\n');
  const baseSha = await group(`Resolving the base '${options.base}'`, () =>
    resolveBase(options.cwd, options.base, options.remote),
  );
  info(`Comparing the workspace with ${options.base} (${baseSha})`);

  const cache = new DvcCache(await readCacheDir(options.cwd));
  const objects = new GitObjects(options.cwd);
  let base: Snapshot;
  let workspace: Snapshot;
  try {
    const read = () =>
      Promise.all([
        collectSnapshot(new GitRevision(options.base, baseSha, objects, gitRoot, prefix, cache)),
        collectSnapshot(new WorkspaceFiles(options.cwd, cache, prefix)),
      ]);
    [base, workspace] = await group(`Reading ${options.base} and the workspace`, read);
    const missing = [...base.missing, ...workspace.missing].filter(
      (m, i, all) => all.findIndex((o) => o.md5 === m.md5) === i,
    );
    if (missing.length > 0 && options.fetch) {
      const failure = await group(
        `Fetching ${missing.length} object(s) missing from the DVC cache`,
        () => fetchObjects(options.cwd, options.dvc, missing),
      );
      if (failure)
        warning(`Some DVC objects could not be fetched; they are shown as missing: ${failure}`);
      [base, workspace] = await read();
      // `dvc fetch` exits 0 when the remote lacks an object: say so, instead of a silent gap.
      const still = [...base.missing, ...workspace.missing].filter((m) =>
        missing.some((o) => o.md5 === m.md5),
      );
      if (still.length > 0 && !failure) {
        warning(
          `${still.length} DVC object(s) are neither in the local cache nor on the DVC remote, so their values are shown as missing (md5 ${still.map((m) => m.md5.slice(0, 8)).join(', ')}): push them with 'dvc push' from where they were made, or check the remote the report reads (.dvc/config)`,
        );
      }
    }
  } finally {
    objects.close();
  }

  const first = workspace.problems[0];
  if (first) throw problemError(first, prefix);
  for (const problem of base.problems) {
    warning(`${options.base}: ${problem.message}`, {
      file: `${prefix}${problem.file}`,
      ...(problem.line ? { line: problem.line } : {}),
    });
  }
  const notes = base.problems.map((p) => `At \`${options.base}\`: ${p.message}`);
  // A declared metrics file that could not be read shows as '-' in the table: say why.
  for (const [snapshot, where] of [
    [base, `\`${options.base}\``],
    [workspace, 'the workspace'],
  ] as const) {
    for (const [path, data] of snapshot.metrics) {
      if (data.kind !== 'missing') continue;
      notes.push(`Metrics file \`${path}\` is missing in ${where}: ${data.reason}.`);
      if (snapshot === workspace)
        warning(`Metrics file ${path} is missing in the workspace: ${data.reason}`);
    }
  }

  let params: DataDiff;
  let metrics: DataDiff;
  if (base.needsDvc || workspace.needsDvc) {
    // Templated dvc.yaml (vars, foreach, matrix) or TOML/Python params: only DVC resolves those.
    [params, metrics] = await group(
      'Diffing params and metrics with DVC (templated dvc.yaml)',
      () =>
        Promise.all([
          dvcDiff('params', options.cwd, options.dvc, baseSha),
          dvcDiff('metrics', options.cwd, options.dvc, baseSha),
        ]),
    );
  } else {
    params = diffData(base.params, workspace.params, true);
    metrics = diffData(base.metrics, workspace.metrics, true);
  }

  let plots: CollectedPlot[] = [];
  if (options.plots) {
    const views = plotViews(base, workspace, { baseName: options.base, svg: options.svg, prefix });
    notes.push(...views.notes);
    plots = views.plots;
    if (views.images.length > 0) {
      let stored: ImageStoreResult = {
        ok: false,
        reason: options.noImagesReason ?? 'images are not stored (image-store: none)',
      };
      if (options.publish) {
        stored = await group(`Publishing ${views.images.length} image(s)`, () =>
          options.publish!(views.images),
        );
        if (!stored.ok) {
          warning(`Report images were not published: ${stored.reason}`);
          stored = { ok: false, reason: `image not published: ${stored.reason}` };
        }
      }
      for (const plot of plots) plot.attach(stored);
    }
  }

  const repoUrl = options.repoUrl;
  const model: ReportModel = {
    title: options.title,
    marker: options.marker,
    headSha: options.headSha,
    headUrl: repoUrl && options.headSha ? `${repoUrl}/commit/${options.headSha}` : undefined,
    baseName: options.base,
    baseSha,
    baseUrl: repoUrl ? `${repoUrl}/commit/${baseSha}` : undefined,
    runUrl: options.runUrl,
    params,
    metrics,
    showAll: options.showAll,
    precision: options.precision,
    better: options.better,
    plots: plots.map((p) => p.view),
    notes,
    plotsEnabled: options.plots,
  };
  const sections = renderSections(model);
  return {
    markdown: `${sections.join('\n\n')}\n`,
    sections,
    model,
    baseSha,
    metricsChanged: onlyChanged(metrics),
    warnings: base.problems,
  };
}
