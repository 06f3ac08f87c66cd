// A deploy, end to end: render the manifests with the new images into a temp folder, `kubectl
// apply` them, wait for every Deployment, StatefulSet and DaemonSet to roll out, and when one does
// not, print why (pod reasons, events, logs), annotate it, and roll it back if asked.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ExecError, lastLines } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { error, group, info, warning } from '../runtime.ts';
import {
  formatEvents,
  headline,
  itemsOf,
  podProblems,
  relatedEvents,
  selectorOf,
} from './diagnose.ts';
import { classifyKubectlError, type KubectlErrorContext, userFiles } from './errors.ts';
import type { ImageEntry } from './image-ref.ts';
import { Kubectl } from './kubectl.ts';
import {
  addAnnotations,
  type ImageChange,
  type ImageEdit,
  type ManifestObject,
  parseManifest,
  setImages,
} from './manifests.ts';
import { collectSources } from './sources.ts';
import { type AppliedObject, type RolloutOutcome, refOf } from './summary.ts';

/** What to deploy, where, and how to react to a failed rollout. */
export interface DeployOptions {
  workspace: string;
  /** Files, folders, kustomize folders or globs, relative to the workspace. */
  manifests: readonly string[];
  images: readonly ImageEntry[];
  namespace?: string | undefined;
  kubeconfig?: string | undefined;
  context?: string | undefined;
  serverSide: boolean;
  timeoutMs: number;
  rollbackOnFailure: boolean;
  /** Added to every object's metadata.annotations. */
  annotations: Record<string, string>;
  /** Set as kubernetes.io/change-cause on workloads (shown by `kubectl rollout history`). */
  changeCause?: string | undefined;
  writeBack: boolean;
  /** Where the rendered manifests go (created). */
  renderDir: string;
  kubectl?: string;
}

/** What a deploy did; `failure` is set when a rollout failed (the summary is still worth writing). */
export interface DeployResult {
  renderedPath: string;
  applied: AppliedObject[];
  images: ImageChange[];
  rollouts: RolloutOutcome[];
  rolledBack: boolean;
  failure: ActionError | undefined;
}

/** The field manager named in server-side apply. */
export const FIELD_MANAGER = 'mlops-actions-deploy';
const ROLLOUT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

interface Rendered {
  files: { rendered: string; display: string }[];
  objects: ManifestObject[];
  changes: ImageChange[];
}

/** formatDuration renders milliseconds as kubectl-style `5m`, `90s`, `1h2m`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${rest || (!h && !m) ? `${rest}s` : ''}`;
}

async function render(o: DeployOptions, kubectl: Kubectl): Promise<Rendered> {
  const sources = collectSources(o.workspace, o.manifests);
  const out: Rendered = { files: [], objects: [], changes: [] };
  const matched = new Set<string>();
  const containers: ImageEdit['containers'] = [];
  for (const source of sources) {
    let text: string;
    let display = source.display;
    let target = join(o.renderDir, source.display);
    if (source.kind === 'kustomize') {
      try {
        text = (await kubectl.run(['kustomize', source.path], { silent: true })).stdout;
      } catch (e) {
        if (!(e instanceof ExecError)) throw e;
        const why =
          e.stderr
            .trim()
            .split('\n')
            .filter((l) => !l.startsWith('#'))
            .at(-1) ?? e.message;
        throw new ActionError(`kubectl kustomize ${source.display} failed: ${why}`, {
          hint: `Fix the kustomization; \`kubectl kustomize ${source.display}\` shows the same error locally`,
        });
      }
      display = `${source.display} (kustomize)`;
      target = join(o.renderDir, source.display, 'kustomize.out.yaml');
      info(`${source.display}: rendered with kubectl kustomize`);
    } else {
      text = readFileSync(source.path, 'utf8');
    }
    const edit = setImages(text, display, o.images);
    for (const name of edit.matched) matched.add(name);
    containers.push(...edit.containers);
    const objects = parseManifest(edit.text, display);
    if (!objects.length)
      warning(`${display} holds no Kubernetes object`, {
        file: source.kind === 'file' ? source.display : undefined,
      });
    const annotated = addAnnotations(edit.text, display, o.annotations, o.changeCause);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, annotated);
    if (o.writeBack && source.kind === 'file' && edit.text !== text) {
      writeFileSync(source.path, edit.text);
      info(`${source.display}: images written back to the checkout`);
    } else if (
      o.writeBack &&
      source.kind === 'kustomize' &&
      edit.changes.some((c) => c.from !== c.to)
    ) {
      warning(
        `${source.display} is a kustomize folder: its rendered output cannot be written back, so the checkout keeps the old images`,
      );
    }
    out.files.push({ rendered: target, display });
    out.objects.push(...objects);
    out.changes.push(...edit.changes);
    info(`${display}: ${objects.map(refOf).join(', ') || 'no objects'}`);
  }
  for (const c of out.changes) {
    info(
      `${refOf(c)} ${c.list === 'initContainers' ? 'init container' : 'container'} ${c.container}: ${c.from === c.to ? `${c.to} (unchanged)` : `${c.from} -> ${c.to}`}`,
    );
  }
  const unmatched = o.images.filter((e) => !matched.has(e.name));
  if (unmatched.length) {
    const seen = containers.map((c) => `${refOf(c)}/${c.container} (${c.image})`);
    throw new ActionError(
      `the images ${unmatched.length === 1 ? 'entry' : 'entries'} ${unmatched.map((e) => `'${e.source}'`).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no container in the manifests`,
      {
        hint: seen.length
          ? `NAME must be a container name or an image repository; the containers are: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', ...' : ''}`
          : 'The manifests hold no container at all: check the manifests input',
      },
    );
  }
  return out;
}

function failWith(e: unknown, ctx: KubectlErrorContext, what: string): never {
  if (e instanceof ExecError) {
    const known = classifyKubectlError(e.stderr, ctx);
    if (known) throw known;
    const said = lastLines(userFiles(e.stderr || e.stdout, ctx.files), 6);
    throw new ActionError(`${what} failed${said ? `: ${said}` : ` with exit code ${e.exitCode}`}`, {
      hint: 'The lines above are what kubectl said',
    });
  }
  throw e;
}

async function errorContext(kubectl: Kubectl, rendered: Rendered): Promise<KubectlErrorContext> {
  return {
    server: await kubectl.server(),
    files: new Map(rendered.files.map((f) => [f.rendered, f.display])),
    objects: rendered.objects,
  };
}

async function apply(
  o: DeployOptions,
  kubectl: Kubectl,
  rendered: Rendered,
): Promise<AppliedObject[]> {
  const args = ['apply', ...rendered.files.flatMap((f) => ['-f', f.rendered]), '-o', 'json'];
  if (o.namespace) args.push('--namespace', o.namespace);
  if (o.serverSide)
    args.push('--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts');
  let stdout: string;
  try {
    stdout = (await kubectl.run(args, { silent: true })).stdout;
  } catch (e) {
    failWith(e, await errorContext(kubectl, rendered), 'kubectl apply');
  }
  const applied = itemsOf(stdout).map((item) => {
    const m = (item['metadata'] ?? {}) as Record<string, unknown>;
    return {
      apiVersion: String(item['apiVersion'] ?? ''),
      kind: String(item['kind'] ?? ''),
      namespace: String(m['namespace'] ?? ''),
      name: String(m['name'] ?? ''),
    };
  });
  for (const a of applied)
    info(`${refOf(a)}${a.namespace ? ` (namespace ${a.namespace})` : ''} applied`);
  return applied;
}

async function waitFor(
  kubectl: Kubectl,
  w: AppliedObject,
  deadline: number,
  ctx: () => Promise<KubectlErrorContext>,
): Promise<{ ok: boolean; message: string; seconds: number }> {
  const started = Date.now();
  const remaining = Math.max(1, Math.ceil((deadline - started) / 1000));
  const ref = refOf(w);
  try {
    await kubectl.run(
      ['rollout', 'status', ref, '--namespace', w.namespace, `--timeout=${remaining}s`],
      {
        silent: true,
        watch: true,
        timeoutMs: (remaining + 60) * 1000,
        onStdoutLine: (line) => info(`[${ref}] ${line}`),
        onStderrLine: (line) => info(`[${ref}] ${line}`),
      },
    );
    return { ok: true, message: '', seconds: Math.round((Date.now() - started) / 1000) };
  } catch (e) {
    if (e instanceof ExecError) {
      const known = classifyKubectlError(e.stderr, await ctx());
      if (known) throw known;
      const last =
        e.stderr
          .trim()
          .split('\n')
          .at(-1)
          ?.replace(/^error: /, '') ?? 'rollout status failed';
      return { ok: false, message: last, seconds: Math.round((Date.now() - started) / 1000) };
    }
    throw e;
  }
}

async function getJson(kubectl: Kubectl, args: string[]): Promise<Record<string, unknown>[]> {
  try {
    return itemsOf((await kubectl.run(['get', ...args, '-o', 'json'], { silent: true })).stdout);
  } catch (e) {
    info(
      `(could not run kubectl get ${args.join(' ')}: ${e instanceof Error ? e.message : String(e)})`,
    );
    return [];
  }
}

async function diagnose(
  kubectl: Kubectl,
  w: AppliedObject,
): Promise<{ reason: string | undefined; events: string[]; logs: string[] }> {
  const ns = ['--namespace', w.namespace];
  const [workload] = await getJson(kubectl, [refOf(w), ...ns]);
  const selector = workload ? selectorOf(workload) : '';
  const pods = selector ? await getJson(kubectl, ['pods', '--selector', selector, ...ns]) : [];
  const problems = podProblems(pods);
  info(problems.length ? 'Pods that are not ready:' : 'No unready pod found.');
  for (const p of problems)
    info(
      `  ${p.pod}${p.container ? ` (${p.container})` : ''}: ${p.reason}${p.message ? `: ${p.message}` : ''}${p.restarts ? `, ${p.restarts} restarts` : ''}`,
    );
  const events = formatEvents(relatedEvents(await getJson(kubectl, ['events', ...ns]), w.name));
  info('Recent events:');
  for (const line of events) info(`  ${line}`);
  const logs: string[] = [];
  const seen = new Set<string>();
  for (const p of problems.filter((x) => x.hasLogs && x.container)) {
    const key = `${p.pod}/${p.container}`;
    if (seen.has(key) || seen.size >= 3) continue;
    seen.add(key);
    const args = [
      'logs',
      p.pod,
      '--container',
      p.container!,
      '--tail=20',
      ...ns,
      ...(p.previous ? ['--previous'] : []),
    ];
    try {
      const out = (await kubectl.run(args, { silent: true })).stdout.trimEnd();
      logs.push(
        `--- ${key}${p.previous ? ' (previous run)' : ''}`,
        ...(out ? out.split('\n') : ['(no output)']),
      );
    } catch (e) {
      logs.push(
        `--- ${key}: logs unavailable (${e instanceof ExecError ? e.stderr.trim().split('\n').at(-1) : String(e)})`,
      );
    }
  }
  if (logs.length) info('Last log lines:');
  for (const line of logs) info(`  ${line}`);
  return { reason: headline(problems), events, logs };
}

async function rollBack(
  kubectl: Kubectl,
  w: AppliedObject,
  timeoutMs: number,
  ctx: () => Promise<KubectlErrorContext>,
): Promise<RolloutOutcome['status']> {
  const ref = refOf(w);
  try {
    await kubectl.run(['rollout', 'undo', ref, '--namespace', w.namespace]);
  } catch (e) {
    if (
      e instanceof ExecError &&
      /no rollout history found|no revision found|doesn't have any revisions|no previous/i.test(
        e.stderr,
      )
    ) {
      warning(`${ref}: nothing to roll back to (this was its first rollout)`);
      return 'not-rolled-back';
    }
    if (e instanceof ExecError) {
      const known = classifyKubectlError(e.stderr, await ctx());
      warning(`${ref}: kubectl rollout undo failed: ${known?.message ?? e.message}`);
      return 'rollback-failed';
    }
    throw e;
  }
  const waited = await waitFor(kubectl, w, Date.now() + timeoutMs, ctx);
  if (!waited.ok)
    warning(`${ref}: the rolled-back revision did not become ready either: ${waited.message}`);
  return waited.ok ? 'rolled-back' : 'rollback-failed';
}

/** deploy renders, applies and waits; see DeployResult for what it reports. */
export async function deploy(o: DeployOptions): Promise<DeployResult> {
  const kubectl = new Kubectl({ bin: o.kubectl, kubeconfig: o.kubeconfig, context: o.context });
  mkdirSync(o.renderDir, { recursive: true });
  const rendered = await group('Render manifests', () => render(o, kubectl));
  let cached: KubectlErrorContext | undefined;
  const ctx = async () => {
    cached ??= await errorContext(kubectl, rendered);
    return cached;
  };
  const applied = await group(
    `Apply ${rendered.files.length} manifest file${rendered.files.length === 1 ? '' : 's'}`,
    () => apply(o, kubectl, rendered),
  );
  const workloads = applied.filter((a) => ROLLOUT_KINDS.includes(a.kind));
  const timeout = formatDuration(o.timeoutMs);
  const deadline = Date.now() + o.timeoutMs;
  const waits = workloads.length
    ? await group(
        `Wait for ${workloads.length} rollout${workloads.length === 1 ? '' : 's'} (timeout ${timeout})`,
        () => Promise.all(workloads.map((w) => waitFor(kubectl, w, deadline, ctx))),
      )
    : [];
  const rollouts: RolloutOutcome[] = [];
  let rolledBack = false;
  for (const [i, w] of workloads.entries()) {
    const waited = waits[i]!;
    const outcome: RolloutOutcome = {
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      status: 'ready',
      seconds: waited.seconds,
    };
    rollouts.push(outcome);
    if (waited.ok) continue;
    outcome.status = 'failed';
    const found = await group(`Why ${refOf(w)} is not ready`, () => diagnose(kubectl, w));
    outcome.reason = found.reason ?? waited.message;
    if (/progress deadline/.test(waited.message))
      outcome.reason = `${waited.message}: ${outcome.reason}`;
    outcome.events = found.events;
    outcome.logs = found.logs;
    const object = rendered.objects.find((x) => x.kind === w.kind && x.name === w.name);
    error(
      `${refOf(w)} in namespace ${w.namespace} did not become ready within ${timeout}: ${outcome.reason}`,
      {
        title: 'Rollout failed',
        ...(object && !object.file.endsWith('(kustomize)')
          ? { file: object.file, line: object.line }
          : {}),
      },
    );
    if (o.rollbackOnFailure) {
      outcome.status = await group(`Roll back ${refOf(w)}`, () =>
        rollBack(kubectl, w, o.timeoutMs, ctx),
      );
      rolledBack ||= outcome.status === 'rolled-back';
    }
  }
  const failed = rollouts.filter((r) => r.status !== 'ready');
  let failure: ActionError | undefined;
  if (failed.length) {
    const list = failed.map((r) => `${refOf(r)} (${r.reason})`).join('; ');
    const after = rolledBack
      ? 'The previous revision was restored'
      : o.rollbackOnFailure
        ? 'Nothing could be rolled back'
        : 'Nothing was rolled back (rollback-on-failure is off)';
    failure = new ActionError(
      `${failed.length} of ${rollouts.length} rollouts did not become ready within ${timeout}: ${list}`,
      {
        hint: `${after}; the pod reasons, events and logs are in the log group above and in the job summary`,
      },
    );
  }
  return {
    renderedPath: o.renderDir,
    applied,
    images: rendered.changes,
    rollouts,
    rolledBack,
    failure,
  };
}
