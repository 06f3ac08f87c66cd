// The demo as a page to look at: the pull request as GitHub shows it, the sticky report comment
// rendered from its Markdown by a GitHub-flavoured Markdown renderer (marked with GFM, plus
// marked-alert for `> [!NOTE]` alerts), its images read from the image branch of the demo's origin
// and inlined, Mermaid charts drawn in the page by the bundled `mermaid` library, and below it every
// job's steps with their times and job summaries, in the order they ran. One self-contained HTML
// file: everything is inlined, so it opens without a network.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Marked, type Tokens } from 'marked';
import markedAlert from 'marked-alert';

/** One step of a job as the page lists it. */
export interface PageStep {
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  durationMs: number | undefined;
  /** The job summary the step wrote (Markdown), if any. */
  summary: string;
}

/** One job run of a workflow run, in the order the jobs ran. */
export interface PageJob {
  workflow: string;
  /** Which run of the workflow this job belongs to ("run 1: pull request opened"). */
  run: string;
  name: string;
  result: 'success' | 'failure' | 'skipped';
  durationMs: number;
  steps: PageStep[];
}

/** A version of the sticky comment, as it stood after one run. */
export interface PageComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** When the page shows it: after which run. */
  after: string;
}

/** What the page shows. */
export interface PageInput {
  repository: string;
  pullRequest: { number: number; title: string; head: string; base: string; author: string };
  /** The commits of the pull request branch, oldest first. */
  commits: { sha: string; subject: string }[];
  /** Every version of the report comment, oldest first; the last one is shown open. */
  comments: PageComment[];
  jobs: PageJob[];
  /** Reads an image the comment links to; undefined when the URL is not one of ours. */
  image: (url: string) => { bytes: Buffer; type: string } | undefined;
}

const require = createRequire(import.meta.url);

/** mermaidBundle is the browser build of the `mermaid` library, inlined into the page. */
export function mermaidBundle(): string {
  const pkg = require.resolve('mermaid/package.json');
  return readFileSync(join(dirname(pkg), 'dist', 'mermaid.min.js'), 'utf8');
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * imagesFromOrigin reads the images the report links to (`<server>/<owner>/<repo>/blob/<commit>/
 * <path>?raw=true`, commit-pinned on the image branch) straight from the bare origin repository.
 */
export function imagesFromOrigin(
  originDir: string,
  serverUrl: string,
  repository: string,
): PageInput['image'] {
  const prefix = `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/`;
  return (url) => {
    const plain = url.replace(/&amp;/g, '&');
    if (!plain.startsWith(prefix)) return undefined;
    const rest = plain.slice(prefix.length).replace(/\?.*$/, '');
    const slash = rest.indexOf('/');
    if (slash < 0) return undefined;
    const commit = rest.slice(0, slash);
    const path = rest
      .slice(slash + 1)
      .split('/')
      .map(decodeURIComponent)
      .join('/');
    if (!/^[0-9a-f]{40}$/.test(commit)) return undefined;
    const type = IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return undefined;
    try {
      const bytes = execFileSync('git', ['cat-file', 'blob', `${commit}:${path}`], {
        cwd: originDir,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return { bytes, type };
    } catch {
      return undefined;
    }
  };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** markdownRenderer renders GitHub-flavoured Markdown; ```mermaid blocks become chart holders. */
function markdownRenderer(): Marked {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use(markedAlert());
  marked.use({
    renderer: {
      code(token: Tokens.Code) {
        if (token.lang?.trim() === 'mermaid')
          return `<pre class="mermaid">${escapeHtml(token.text)}</pre>\n`;
        return false;
      },
    },
  });
  return marked;
}

/** renderMarkdown turns report Markdown into HTML with every image of ours inlined. */
export function renderMarkdown(markdown: string, image: PageInput['image']): string {
  const html = markdownRenderer().parse(markdown, { async: false });
  return html.replace(/(<img\b[^>]*?\bsrc=")([^"]+)(")/g, (all, before, url, after) => {
    const found = image(url);
    if (!found) return all;
    return `${before}data:${found.type};base64,${found.bytes.toString('base64')}${after}`;
  });
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(1)}s`;
}

const MARK = { success: '✓', failure: '✗', skipped: '–' } as const;

function commentHtml(comment: PageComment, image: PageInput['image'], open: boolean): string {
  const edited = comment.updatedAt !== comment.createdAt ? ' · edited' : '';
  const box = `<div class="comment" id="issuecomment-${comment.id}" data-comment-id="${comment.id}">
  <div class="comment-head"><strong>${escapeHtml(comment.author)}</strong> commented ·
  comment ${comment.id}${edited} <span class="muted">(${escapeHtml(comment.after)})</span></div>
  <div class="markdown-body">${renderMarkdown(comment.body, image)}</div>
</div>`;
  return open
    ? box
    : `<details class="older"><summary>The same comment as it stood ${escapeHtml(comment.after)}</summary>${box}</details>`;
}

function jobHtml(job: PageJob, image: PageInput['image']): string {
  const rows = job.steps
    .map(
      (s) =>
        `<tr class="${s.outcome}"><td>${MARK[s.outcome]}</td><td>${escapeHtml(s.name)}</td><td class="time">${seconds(s.durationMs)}</td></tr>`,
    )
    .join('\n');
  const summaries = job.steps
    .filter((s) => s.summary.trim())
    .map(
      (s) =>
        `<div class="summary"><div class="summary-head">${escapeHtml(s.name)}: job summary</div><div class="markdown-body">${renderMarkdown(s.summary, image)}</div></div>`,
    )
    .join('\n');
  return `<section class="job ${job.result}">
  <h3>${MARK[job.result]} ${escapeHtml(job.workflow)} / ${escapeHtml(job.name)}
  <span class="muted">${escapeHtml(job.run)} · ${job.result === 'skipped' ? 'skipped' : seconds(job.durationMs)}</span></h3>
  ${job.steps.length ? `<table class="steps">${rows}</table>` : ''}
  ${summaries}
</section>`;
}

const STYLE = `
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;
  color:#1f2328;background:#fff;margin:0;font-size:14px;line-height:1.5}
main{max-width:1012px;margin:0 auto;padding:24px}
.muted{color:#59636e;font-weight:normal}
h1{font-size:26px;font-weight:400;margin:0 0 8px}
h1 .num{color:#59636e}
.state{display:inline-block;background:#1f883d;color:#fff;border-radius:2em;padding:4px 12px;font-weight:500;margin-right:8px}
code.branch{background:#ddf4ff;color:#0969da;border-radius:6px;padding:2px 6px}
.tabs{border-bottom:1px solid #d1d9e0;margin:16px 0;padding-bottom:8px;color:#59636e}
.comment{border:1px solid #d1d9e0;border-radius:6px;margin:16px 0}
.comment-head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;border-radius:6px 6px 0 0}
.markdown-body{padding:16px;overflow-x:auto}
.markdown-body table{border-collapse:collapse;margin:8px 0}
.markdown-body th,.markdown-body td{border:1px solid #d1d9e0;padding:6px 13px}
.markdown-body tr:nth-child(2n){background:#f6f8fa}
.markdown-body img{max-width:100%}
.markdown-body code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font-size:85%}
.markdown-body pre:not(.mermaid){background:#f6f8fa;padding:16px;border-radius:6px;overflow:auto}
.markdown-body pre.mermaid{background:#fff;text-align:center}
.markdown-body details{margin:8px 0}
.markdown-body li:has(> input[type=checkbox]){list-style:none}
.markdown-body summary{cursor:pointer}
.markdown-alert{padding:8px 16px;margin-bottom:16px;border-left:.25em solid #d1d9e0}
.markdown-alert-title{font-weight:500;display:flex;align-items:center;gap:8px}
.markdown-alert-title svg{fill:currentColor}
.markdown-alert-note{border-left-color:#0969da}.markdown-alert-note .markdown-alert-title{color:#0969da}
.markdown-alert-tip{border-left-color:#1a7f37}.markdown-alert-tip .markdown-alert-title{color:#1a7f37}
.markdown-alert-important{border-left-color:#8250df}.markdown-alert-important .markdown-alert-title{color:#8250df}
.markdown-alert-warning{border-left-color:#9a6700}.markdown-alert-warning .markdown-alert-title{color:#9a6700}
.markdown-alert-caution{border-left-color:#d1242f}.markdown-alert-caution .markdown-alert-title{color:#d1242f}
.commits{border-left:2px solid #d1d9e0;margin:0 0 0 16px;padding:0 0 0 16px;list-style:none}
.commits code{color:#59636e}
details.older>summary{color:#59636e;cursor:pointer;margin:8px 0}
h2{font-size:20px;border-bottom:1px solid #d1d9e0;padding-bottom:6px;margin-top:32px}
.job{border:1px solid #d1d9e0;border-radius:6px;margin:12px 0;padding:0 16px 8px}
.job h3{font-size:15px;margin:12px 0 8px}
.job.success h3{color:#1a7f37}.job.failure h3{color:#d1242f}.job.skipped h3{color:#59636e}
table.steps{border-collapse:collapse;width:100%;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
table.steps td{padding:3px 8px;border-top:1px solid #eef0f2}
table.steps tr.success td:first-child{color:#1a7f37}table.steps tr.failure td:first-child{color:#d1242f}
table.steps tr.skipped{color:#59636e}
table.steps td.time{text-align:right;width:6em;color:#59636e}
table.steps td:first-child{width:1.5em}
.summary{border:1px solid #d1d9e0;border-radius:6px;margin:8px 0}
.summary-head{background:#f6f8fa;padding:6px 16px;border-bottom:1px solid #d1d9e0;font-weight:600}
`;

// Draws every ```mermaid block, then says so on <body> (data-mermaid="done" and the errors).
const DRAW = `
(async () => {
  const errors = [];
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    await mermaid.run({ querySelector: 'pre.mermaid', postRenderCallback: () => {} ,
      suppressErrors: false });
  } catch (e) {
    errors.push(String(e && e.message || e));
  }
  document.body.dataset.mermaidErrors = JSON.stringify(errors);
  document.body.dataset.mermaid = 'done';
})();
`;

/** renderPage builds the whole self-contained HTML page. */
export function renderPage(input: PageInput): string {
  const { pullRequest: pr } = input;
  const last = input.comments.length - 1;
  const comments = input.comments.map((c, i) => commentHtml(c, input.image, i === last)).join('\n');
  const commits = input.commits
    .map((c) => `<li><code>${c.sha.slice(0, 7)}</code> ${escapeHtml(c.subject)}</li>`)
    .join('\n');
  const jobs = input.jobs.map((j) => jobHtml(j, input.image)).join('\n');
  const ids = [...new Set(input.comments.map((c) => c.id))];
  const sticky =
    input.comments.length > 1 && ids.length === 1
      ? `<p class="muted">The report is one sticky comment: each run updated comment ${ids[0]} in place (${input.comments.length} runs, one comment).</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pr.title)} · Pull Request #${pr.number} · ${escapeHtml(input.repository)}</title>
<style>${STYLE}</style>
</head><body>
<main>
<div class="muted">${escapeHtml(input.repository)}</div>
<h1>${escapeHtml(pr.title)} <span class="num">#${pr.number}</span></h1>
<div><span class="state">Open</span><strong>${escapeHtml(pr.author)}</strong> wants to merge
${input.commits.length} commit(s) into <code class="branch">${escapeHtml(pr.base)}</code> from
<code class="branch">${escapeHtml(pr.head)}</code></div>
<div class="tabs">Conversation · Commits ${input.commits.length} · Checks ${input.jobs.length}</div>
<ul class="commits">${commits}</ul>
${sticky}
${comments}
<h2>Checks: every job's steps and job summaries, in the order they ran</h2>
${jobs}
</main>
<script>${mermaidBundle().replace(/<\/script/gi, '<\\/script')}</script>
<script>${DRAW}</script>
</body></html>
`;
}

/** The runner's report of one step (testkit's StepEvent). */
interface StepEventLike {
  index: number;
  name: string;
  status: 'start' | 'success' | 'failure' | 'skipped';
  durationMs?: number;
}

/** What a job run left (testkit's JobResult), as far as the page reads it. */
interface JobResultLike {
  success: boolean;
  steps: {
    name: string;
    outcome: 'success' | 'failure' | 'skipped';
    action?: { summary: string };
  }[];
}

/**
 * JobRecorder keeps the steps the workflow runner reports, in the order they ran, with their
 * times; take() then pairs them with the jobs of one workflow run.
 */
export class JobRecorder {
  readonly jobs: PageJob[] = [];
  private segments: { events: StepEventLike[]; started: number; ended: number }[] = [];

  /** step records one step event (pass it the runner's onStep events). */
  step(event: StepEventLike): void {
    const now = Date.now();
    const startsJob = event.index === 0 && event.status !== 'success' && event.status !== 'failure';
    if (startsJob || !this.segments.length)
      this.segments.push({ events: [], started: now, ended: now });
    const segment = this.segments[this.segments.length - 1]!;
    segment.events.push(event);
    segment.ended = now;
  }

  /** take pairs the steps recorded since the last take with the jobs of a workflow run. */
  take(workflow: string, run: string, results: Record<string, JobResultLike | 'skipped'>): void {
    const segments = this.segments.splice(0);
    for (const [name, result] of Object.entries(results)) {
      if (result === 'skipped') {
        this.jobs.push({ workflow, run, name, result: 'skipped', durationMs: 0, steps: [] });
        continue;
      }
      const segment = segments.shift();
      const durations = new Map<number, number>();
      for (const e of segment?.events ?? [])
        if (e.durationMs !== undefined) durations.set(e.index, e.durationMs);
      this.jobs.push({
        workflow,
        run,
        name,
        result: result.success ? 'success' : 'failure',
        durationMs: segment ? segment.ended - segment.started : 0,
        steps: result.steps.map((s, i) => ({
          name: s.name,
          outcome: s.outcome,
          durationMs: durations.get(i),
          summary: s.action?.summary ?? '',
        })),
      });
    }
  }
}
