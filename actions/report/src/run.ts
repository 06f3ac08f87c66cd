import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  appendSummary,
  type EventContext,
  fitSections,
  group,
  info,
  setOutput,
  warning,
} from '@mlops-actions/core';
import {
  buildReport,
  checkImageBranch,
  commentBody,
  deniedWarning,
  destination,
  PermissionDenied,
  parseBetterRules,
  publishCommitComment,
  publishImages,
  publishSticky,
} from '@mlops-actions/core/report';
import type { ReportInputs } from './inputs.ts';

// The job summary takes at most 1 MiB per step.
const SUMMARY_LIMIT = 1_000_000;

/**
 * dvcOnDemand finds DVC on PATH, or installs it with the extras the project's remote needs into
 * the tool cache as dvc-repro does, the first time the report needs it (issue 18): a report job
 * whose metrics and plots are in git needs no Python set-up at all.
 */
export function dvcOnDemand(projectDir: string): () => Promise<string> {
  let found: Promise<string> | undefined;
  return () => {
    found ??= import('@mlops-actions/core/dvc')
      .then(({ setupDvc }) => setupDvc({ projectDir }))
      .then((cli) => cli.executable);
    return found;
  };
}

/** reportMarker is the hidden text that finds this workflow's report comment again. */
export function reportMarker(workflow: string, reportId: string): string {
  return `mlops-actions/report workflow=${workflow.replace(/--|[\r\n]/g, ' ')} id=${reportId}`;
}

/** reportStep builds the report, writes it to a file and the job summary, and publishes it. */
export async function reportStep(
  inputs: ReportInputs,
  context: EventContext,
  workflow: string,
): Promise<void> {
  const marker = reportMarker(workflow, inputs.reportId);
  const where = destination(context, inputs.target, inputs.token !== '');
  const fork = context.eventName === 'pull_request' && context.pullRequest?.isFork === true;
  let noImagesReason: string | undefined;
  if (inputs.imageStore === 'none') noImagesReason = 'images are not published (image-store: none)';
  else if (fork)
    noImagesReason =
      'images are not published: the token of a fork pull request is read-only (no contents: write)';
  else if (!inputs.token) noImagesReason = 'images are not published: the token input is empty';
  else if (!context.headSha)
    noImagesReason = 'images are not published: the run has no commit SHA (GITHUB_SHA)';
  const repository =
    context.owner && context.repo
      ? `${context.serverUrl}/${context.owner}/${context.repo}`
      : undefined;

  // The plan phase for the images: the branch they go to must be the report's own, checked before
  // anything is pushed (issue 17).
  if (noImagesReason === undefined) {
    await checkImageBranch({
      cwd: inputs.workingDirectory,
      branch: inputs.imageBranch,
      ...(context.defaultBranch ? { defaultBranch: context.defaultBranch } : {}),
      ...(context.pullRequest?.baseRef ? { baseRef: context.pullRequest.baseRef } : {}),
      ...(context.pullRequest?.headRef ? { headRef: context.pullRequest.headRef } : {}),
      ...(context.branch ? { currentBranch: context.branch } : {}),
      token: inputs.token,
    });
  }

  const built = await buildReport({
    cwd: inputs.workingDirectory,
    base: inputs.base ?? context.pullRequest?.baseRef ?? context.defaultBranch ?? 'main',
    title: inputs.title,
    marker,
    headSha: context.headSha,
    repoUrl: repository,
    runUrl: context.runUrl,
    showAll: inputs.showAll,
    precision: inputs.precision,
    better: parseBetterRules(inputs.metricsBetter),
    plots: inputs.plots,
    fetch: inputs.fetch,
    dvc: dvcOnDemand(inputs.workingDirectory),
    svg: noImagesReason === undefined,
    publish:
      noImagesReason === undefined
        ? (images) =>
            publishImages(
              {
                cwd: inputs.workingDirectory,
                branch: inputs.imageBranch,
                headSha: context.headSha,
                serverUrl: context.serverUrl,
                owner: context.owner,
                repo: context.repo,
                token: inputs.token,
              },
              images,
            )
        : undefined,
    ...(noImagesReason ? { noImagesReason } : {}),
  });

  const reportPath =
    inputs.reportPath ??
    join(process.env['RUNNER_TEMP'] || tmpdir(), `mlops-report-${inputs.reportId}.md`);
  await mkdir(dirname(reportPath), { recursive: true });
  // Written whole or not at all: a temporary file beside it, then a rename.
  const partial = `${reportPath}.${process.pid}.tmp`;
  await writeFile(partial, built.markdown);
  await rename(partial, reportPath);
  setOutput('report-path', reportPath);
  setOutput('metrics-changed', JSON.stringify(built.metricsChanged));
  const summary = fitSections(
    built.sections,
    SUMMARY_LIMIT,
    '> [!NOTE]\n> The report is too long for the job summary; the whole of it is in the report-path file.',
  );
  appendSummary(summary.text);

  let comment: { id: number; url: string } | undefined;
  if (where.kind === 'none') {
    if (where.warning) warning(where.warning);
  } else {
    const { body, cut } = commentBody(built.sections, context.runUrl);
    if (cut)
      info(
        'The report is longer than a comment allows; the comment is cut at a section and links the job summary.',
      );
    const { getOctokit } = await import('@mlops-actions/core/github');
    const client = getOctokit(inputs.token, { apiUrl: context.apiUrl });
    try {
      comment = await group(
        `Publishing the report on ${where.kind === 'pr' ? `pull request #${where.number}` : `commit ${where.sha.slice(0, 12)}`}`,
        () =>
          where.kind === 'pr'
            ? publishSticky(client, {
                owner: context.owner,
                repo: context.repo,
                issueNumber: where.number,
                marker,
                body,
                mode: inputs.mode,
              })
            : publishCommitComment(client, {
                owner: context.owner,
                repo: context.repo,
                sha: where.sha,
                body,
              }),
      );
      info(`Report comment: ${comment.url}`);
    } catch (error) {
      if (!(error instanceof PermissionDenied)) throw error;
      warning(deniedWarning(where.kind, error.status));
    }
  }
  setOutput('comment-id', comment ? String(comment.id) : '');
  setOutput('comment-url', comment?.url ?? '');
}
