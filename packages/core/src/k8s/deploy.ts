// A deploy, end to end. Plan: render the manifests with the new images into a temp folder, check
// every permission the apply and the wait need, and validate every object with a server-side dry
// run; only then `kubectl apply` them, wait for every Deployment, StatefulSet and DaemonSet to roll
// out (failing early on a pod that cannot heal by itself), and when one does not, print why (pod
// reasons, events, logs), annotate it, and roll it back if asked. With write-back, the checkout's
// files are written last, all together (temp files, then renames), once every rollout is ready.
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExecError, lastLines } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { error, group, info, warning } from '../runtime.ts';
import {
  currentRevisionPods,
  formatEvents,
  headline,
  hopeless,
  itemsOf,
  type PodProblem,
  podProblems,
  relatedEvents,
  selectorOf,
  staleUnreadyPods,
} from './diagnose.ts';
import {
  classifyApplyErrors,
  classifyKubectlError,
  type KubectlErrorContext,
  parseConflicts,
  parseRejections,
  userFiles,
} from './errors.ts';
import type { ImageEntry } from './image-ref.ts';
import { Kubectl } from './kubectl.ts';
import {
  addAnnotations,
  type ImageChange,
  type ImageEdit,
  type ManifestObject,
  parseManifest,
  setImages,
  splitDocuments,
} from './manifests.ts';
import {
  ALLOWED_JSONPATH,
  accessReviews,
  deniedOf,
  describeDenied,
  grantCommands,
  knownResource,
  neededPermissions,
  parseApiResources,
  type ResourceName,
} from './permissions.ts';
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
  /** The checkout files the new images were written to (write-back). */
  writtenBack: string[];
  failure: ActionError | undefined;
}

/** The field manager named in server-side apply. */
export const FIELD_MANAGER = 'mlops-actions-deploy';
const ROLLOUT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

interface Rendered {
  files: { rendered: string; display: string }[];
  objects: ManifestObject[];
  changes: ImageChange[];
  /** Each workload's containers and the images they get (`container: image`), by `kind/name`. */
  images: Map<string, string[]>;
  /** The checkout files write-back will write, with their new text. */
  writeBack: { path: string; display: string; text: string }[];
  /** Each object's document as applied, to ask about one object alone. */
  documents: { object: ManifestObject; text: string }[];
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
  const out: Rendered = {
    files: [],
    objects: [],
    changes: [],
    images: new Map(),
    writeBack: [],
    documents: [],
  };
  const matched = new Set<string>();
  const containers: ImageEdit['containers'] = [];
  for (const source of sources) {
    let text: string;
    let display = source.display;
    let target = join(o.renderDir, source.display);
    if (source.kind === 'kustomize') {
      try {
        text = (await kubectl.run(['kustomize', source.path], { silent: true, inGroup: true }))
          .stdout;
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
    const documents = splitDocuments(annotated, display);
    // A `kind: List` holds several objects in one document: those are not asked about alone.
    if (documents.length === objects.length)
      out.documents.push(...objects.map((object, i) => ({ object, text: documents[i]! })));
    for (const c of edit.containers) {
      const change = edit.changes.find(
        (x) => x.kind === c.kind && x.name === c.name && x.container === c.container,
      );
      const key = refOf(c);
      out.images.set(key, [
        ...(out.images.get(key) ?? []),
        `${c.container}: ${change?.to ?? c.image}`,
      ]);
    }
    if (o.writeBack && source.kind === 'file' && edit.text !== text) {
      writable(source.path, source.display);
      out.writeBack.push({ path: source.path, display: source.display, text: edit.text });
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

/** writable checks, while planning, that write-back can replace a checkout file (temp file + rename). */
function writable(path: string, display: string): void {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new ActionError(
      `write-back cannot write ${display}: the file or its folder is read-only`,
      {
        hint: 'Make the checkout writable, or set write-back to false',
        location: { file: display },
      },
    );
  }
}

/**
 * writeBackAll writes every planned file next to its target first, then renames them all, so a
 * failure leaves no file of the checkout half-written and no temp file behind.
 */
function writeBackAll(files: Rendered['writeBack']): string[] {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const temp = join(
        dirname(f.path),
        `.${basename(f.path)}.deploy-${randomBytes(4).toString('hex')}`,
      );
      temps.push({ temp, path: f.path });
      writeFileSync(temp, f.text, { mode: statSync(f.path).mode & 0o777 });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw new ActionError(
      `write-back could not write the new images: ${e instanceof Error ? e.message : String(e)}`,
      {
        hint: 'The checkout was left as it was; check the free space and permissions of the workspace',
      },
    );
  }
  for (const t of temps) renameSync(t.temp, t.path);
  for (const f of files) info(`${f.display}: images written back to the checkout`);
  return files.map((f) => f.display);
}

function failWith(e: unknown, ctx: KubectlErrorContext, what: string): never {
  if (e instanceof ExecError) {
    const known = classifyApplyErrors(e.stderr, ctx) ?? classifyKubectlError(e.stderr, ctx);
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

function applyArgs(
  o: DeployOptions,
  rendered: Rendered,
  mode: { dryRun: boolean; force: boolean },
): string[] {
  const args = ['apply', ...rendered.files.flatMap((f) => ['-f', f.rendered]), '-o', 'json'];
  if (o.namespace) args.push('--namespace', o.namespace);
  if (o.serverSide) {
    args.push('--server-side', `--field-manager=${FIELD_MANAGER}`);
    if (mode.force) args.push('--force-conflicts');
  }
  if (mode.dryRun) args.push('--dry-run=server');
  return args;
}

/** contextNamespace is the namespace of the kubeconfig context in use (kubectl's default for objects that name none). */
async function contextNamespace(kubectl: Kubectl): Promise<string> {
  try {
    const out = await kubectl.run(['config', 'view', '--minify', '-o', 'jsonpath={..namespace}'], {
      silent: true,
      inGroup: true,
    });
    return out.stdout.trim().split(/\s+/)[0] || 'default';
  } catch {
    return 'default';
  }
}

/**
 * checkPermissions asks the API server, in one batch of SelfSubjectAccessReviews, for every
 * permission the apply, the wait and the rollback need, and fails with all that are missing and
 * the commands that grant them. A cluster that refuses the reviews themselves is not checked here
 * (the dry run then reports the first refusal).
 */
async function checkPermissions(
  o: DeployOptions,
  kubectl: Kubectl,
  rendered: Rendered,
  ctx: () => Promise<KubectlErrorContext>,
): Promise<void> {
  const fallback = await contextNamespace(kubectl);
  let discovered: Map<string, ResourceName> | undefined;
  const resources = new Map<ManifestObject, ResourceName>();
  for (const object of rendered.objects) {
    let r = knownResource(object.apiVersion, object.kind);
    if (!r) {
      if (!discovered) {
        try {
          const out = await kubectl.run(['api-resources', '--no-headers'], {
            silent: true,
            inGroup: true,
          });
          discovered = parseApiResources(out.stdout);
        } catch {
          discovered = new Map();
        }
      }
      r = discovered.get(`${object.apiVersion}/${object.kind}`);
    }
    // A kind the cluster does not serve: the dry run names it.
    if (r) resources.set(object, r);
  }
  const permissions = neededPermissions(
    [...resources.keys()],
    (x) => resources.get(x)!,
    (x) => x.namespace ?? o.namespace ?? fallback,
  );
  if (!permissions.length) return;
  let answers: string;
  try {
    answers = (
      await kubectl.run(['create', '-f', '-', '-o', ALLOWED_JSONPATH], {
        input: accessReviews(permissions),
        silent: true,
        inGroup: true,
      })
    ).stdout;
  } catch (e) {
    if (e instanceof ExecError) {
      const known = classifyKubectlError(e.stderr, await ctx());
      // No server, a bad certificate or token: say so now. Reviews refused: the dry run tells.
      if (known && !known.message.startsWith('forbidden')) throw known;
      info('(the permissions could not be reviewed in advance; the dry run checks them)');
      return;
    }
    throw e;
  }
  const denied = deniedOf(permissions, answers);
  info(`${permissions.length - denied.length} of ${permissions.length} permissions granted`);
  if (!denied.length) return;
  let user: string | undefined;
  try {
    const who = await kubectl.run(
      ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'],
      {
        silent: true,
        inGroup: true,
      },
    );
    user = who.stdout.trim() || undefined;
  } catch {
    user = undefined;
  }
  const namespaces = [...new Set(denied.map((p) => p.namespace).filter(Boolean))];
  const where = namespaces.length
    ? ` in namespace ${namespaces.map((n) => `"${n}"`).join(', ')}`
    : '';
  throw new ActionError(
    `forbidden by RBAC: ${user ? `user "${user}"` : "the kubeconfig's user"} lacks ${denied.length} of the ${permissions.length} permissions this deploy needs${where}: ${describeDenied(denied)}`,
    {
      hint: `Nothing was applied. Grant them all at once: ${grantCommands(denied, user)
        .map((c) => `\`${c}\``)
        .join(' and ')}`,
    },
  );
}

/**
 * reportConflicts asks, object by object, what server-side apply without --force-conflicts would
 * refuse (kubectl names no object in that message), and warns which fields the apply takes from
 * which field manager.
 */
async function reportConflicts(o: DeployOptions, kubectl: Kubectl, rendered: Rendered) {
  for (const { object, text } of rendered.documents) {
    const args = ['apply', '-f', '-', '--server-side', `--field-manager=${FIELD_MANAGER}`];
    args.push('--dry-run=server', '-o', 'name');
    if (o.namespace) args.push('--namespace', o.namespace);
    try {
      await kubectl.run(args, { input: text, silent: true, inGroup: true });
    } catch (e) {
      if (!(e instanceof ExecError)) throw e;
      for (const c of parseConflicts(e.stderr)) {
        warning(
          `${refOf(object)}: --force-conflicts takes ${c.fields.length === 1 ? 'field' : 'fields'} ${c.fields.join(', ')} from field manager "${c.manager}"${c.subresource ? ` (subresource ${c.subresource})` : ''}`,
          { file: object.file, line: object.line },
        );
      }
    }
  }
}

/**
 * dryRun validates every object with the API server (strict field validation, admission,
 * namespaces) without changing anything. With server-side apply it first asks without
 * --force-conflicts, so the log can say which fields will be taken from which field manager.
 */
async function dryRun(
  o: DeployOptions,
  kubectl: Kubectl,
  rendered: Rendered,
  ctx: KubectlErrorContext,
): Promise<void> {
  const run = (serverSide: boolean, force: boolean) =>
    kubectl.run(applyArgs({ ...o, serverSide }, rendered, { dryRun: true, force }), {
      silent: true,
      inGroup: true,
    });
  const valid = () =>
    info(
      `server-side dry run: ${rendered.objects.length} object${rendered.objects.length === 1 ? '' : 's'} valid`,
    );
  try {
    await run(o.serverSide, false);
    return valid();
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    const text = userFiles(e.stderr, ctx.files);
    const rejected = parseRejections(text);
    if (o.serverSide && !rejected.length && parseConflicts(text).length) {
      await reportConflicts(o, kubectl, rendered);
      try {
        await run(true, true);
        return valid();
      } catch (again) {
        failWith(again, ctx, 'kubectl apply --dry-run=server');
      }
    }
    // A client-side patch of an existing object may be refused without the field's name
    // ("unrecognized type: int32"); server-side apply's dry run names it.
    if (!o.serverSide && rejected.some((r) => /^unrecognized type/.test(r.why))) {
      try {
        await run(true, true);
      } catch (ssa) {
        if (ssa instanceof ExecError) {
          const named = classifyApplyErrors(ssa.stderr, ctx);
          if (named) throw named;
        }
      }
    }
    failWith(e, ctx, 'kubectl apply --dry-run=server');
  }
}

async function apply(
  o: DeployOptions,
  kubectl: Kubectl,
  rendered: Rendered,
): Promise<{ applied: AppliedObject[]; selectors: Map<string, string> }> {
  let stdout: string;
  try {
    stdout = (
      await kubectl.run(applyArgs(o, rendered, { dryRun: false, force: true }), {
        silent: true,
        inGroup: true,
      })
    ).stdout;
  } catch (e) {
    failWith(e, await errorContext(kubectl, rendered), 'kubectl apply');
  }
  const selectors = new Map<string, string>();
  const applied = itemsOf(stdout).map((item) => {
    const m = (item['metadata'] ?? {}) as Record<string, unknown>;
    const a = {
      apiVersion: String(item['apiVersion'] ?? ''),
      kind: String(item['kind'] ?? ''),
      namespace: String(m['namespace'] ?? ''),
      name: String(m['name'] ?? ''),
    };
    selectors.set(`${a.namespace}/${refOf(a)}`, selectorOf(item));
    return a;
  });
  for (const a of applied)
    info(`${refOf(a)}${a.namespace ? ` (namespace ${a.namespace})` : ''} applied`);
  return { applied, selectors };
}

async function quietJson(kubectl: Kubectl, args: string[]): Promise<Record<string, unknown>[]> {
  try {
    return itemsOf(
      (await kubectl.run(['get', ...args, '-o', 'json'], { silent: true, inGroup: true })).stdout,
    );
  } catch {
    return [];
  }
}

/** hopelessPod looks at the pods of the revision being rolled out for one that cannot heal by itself. */
async function hopelessPod(
  kubectl: Kubectl,
  w: AppliedObject,
  selector: string,
): Promise<PodProblem | undefined> {
  const ns = ['--namespace', w.namespace];
  const [workload] = await quietJson(kubectl, [refOf(w), ...ns]);
  if (!workload) return undefined;
  const what = w.kind === 'Deployment' ? 'replicasets,pods' : 'pods';
  const items = await quietJson(kubectl, [what, '--selector', selector, ...ns]);
  return hopeless(podProblems(currentRevisionPods(w.kind, workload, items)));
}

/** How a wait for one rollout ended. */
interface Waited {
  ok: boolean;
  message: string;
  seconds: number;
  /** Set when the wait stopped early on a pod that cannot heal by itself. */
  hopeless?: PodProblem;
}

/** POLL_MS is how often the pods of a rollout are looked at for a reason that cannot heal. */
const POLL_MS = 2000;

/**
 * waitFor runs `kubectl rollout status` until `deadline`, and meanwhile looks at the pods of the
 * new revision every few seconds: one that cannot heal by itself (an image that cannot be pulled,
 * CrashLoopBackOff past a few restarts, Unschedulable) ends the wait at once.
 */
async function waitFor(
  kubectl: Kubectl,
  w: AppliedObject,
  selector: string,
  deadline: number,
  ctx: () => Promise<KubectlErrorContext>,
): Promise<Waited> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const remaining = Math.max(1, Math.ceil((deadline - started) / 1000));
  const ref = refOf(w);
  const stopRollout = new AbortController();
  const stopWatching = new AbortController();
  let found: PodProblem | undefined;
  const watching = (async () => {
    if (!selector) return;
    try {
      while (!stopWatching.signal.aborted) {
        await sleep(POLL_MS, undefined, { signal: stopWatching.signal });
        const problem = await hopelessPod(kubectl, w, selector);
        if (problem && !stopWatching.signal.aborted) {
          found = problem;
          stopRollout.abort();
          return;
        }
      }
    } catch {
      // Stopped: the rollout ended first.
    }
  })();
  try {
    await kubectl.run(
      ['rollout', 'status', ref, '--namespace', w.namespace, `--timeout=${remaining}s`],
      {
        silent: true,
        inGroup: true,
        watch: true,
        signal: stopRollout.signal,
        timeoutMs: (remaining + 60) * 1000,
        onStdoutLine: (line) => info(`[${ref}] ${line}`),
        onStderrLine: (line) => info(`[${ref}] ${line}`),
      },
    );
    return { ok: true, message: '', seconds: seconds() };
  } catch (e) {
    if (found) {
      info(`[${ref}] stopped waiting: ${found.reason} does not heal by itself`);
      return { ok: false, message: found.reason, seconds: seconds(), hopeless: found };
    }
    if (e instanceof ExecError) {
      const known = classifyKubectlError(e.stderr, await ctx());
      if (known) throw known;
      const last =
        e.stderr
          .trim()
          .split('\n')
          .at(-1)
          ?.replace(/^error: /, '') ?? 'rollout status failed';
      return { ok: false, message: last, seconds: seconds() };
    }
    throw e;
  } finally {
    stopWatching.abort();
    await watching;
  }
}

async function getJson(kubectl: Kubectl, args: string[]): Promise<Record<string, unknown>[]> {
  try {
    return itemsOf(
      (await kubectl.run(['get', ...args, '-o', 'json'], { silent: true, inGroup: true })).stdout,
    );
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
  selector: string,
): Promise<{ reason: string | undefined; events: string[]; logs: string[] }> {
  const ns = ['--namespace', w.namespace];
  const items = selector
    ? await getJson(kubectl, [
        w.kind === 'Deployment' ? 'replicasets,pods' : 'pods',
        '--selector',
        selector,
        ...ns,
      ])
    : [];
  const [workload] = await getJson(kubectl, [refOf(w), ...ns]);
  // The new revision's pods first: they are the ones that fail; older pods may still be serving.
  const current = workload ? currentRevisionPods(w.kind, workload, items) : [];
  const problems = podProblems(current.length ? current : items.filter((i) => i['kind'] === 'Pod'));
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
      const out = (await kubectl.run(args, { silent: true, inGroup: true })).stdout.trimEnd();
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

/**
 * replaceStuckPods deletes the pods of a StatefulSet's failed revision that never became ready,
 * once the controller has taken the undo in: the controller only then recreates them from the
 * restored revision (Kubernetes' documented "forced rollback").
 */
async function replaceStuckPods(kubectl: Kubectl, w: AppliedObject, selector: string) {
  const ns = ['--namespace', w.namespace];
  for (let i = 0; i < 50; i++) {
    const [sts] = await quietJson(kubectl, [refOf(w), ...ns]);
    const generation = (sts?.['metadata'] as { generation?: number } | undefined)?.generation;
    const observed = (sts?.['status'] as { observedGeneration?: number } | undefined)
      ?.observedGeneration;
    if (sts && observed !== undefined && generation !== undefined && observed >= generation) {
      const stuck = staleUnreadyPods(
        sts,
        await quietJson(kubectl, ['pods', '--selector', selector, ...ns]),
      );
      if (!stuck.length) return;
      await kubectl.run(['delete', 'pod', ...stuck, ...ns, '--wait=false'], { inGroup: true });
      info(
        `${refOf(w)}: deleted ${stuck.join(', ')} of the failed revision, which a StatefulSet does not replace by itself`,
      );
      return;
    }
    await sleep(200);
  }
}

async function rollBack(
  kubectl: Kubectl,
  w: AppliedObject,
  selector: string,
  timeoutMs: number,
  ctx: () => Promise<KubectlErrorContext>,
): Promise<RolloutOutcome['status']> {
  const ref = refOf(w);
  try {
    // Silent, its lines echoed as they come: stdout and stderr (kubectl's warnings) stay in order.
    await kubectl.run(['rollout', 'undo', ref, '--namespace', w.namespace], {
      silent: true,
      inGroup: true,
      onStdoutLine: (line) => info(line),
      onStderrLine: (line) => info(line),
    });
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
  if (w.kind === 'StatefulSet' && selector) await replaceStuckPods(kubectl, w, selector);
  const waited = await waitFor(kubectl, w, selector, Date.now() + timeoutMs, ctx);
  if (!waited.ok)
    warning(`${ref}: the rolled-back revision did not become ready either: ${waited.message}`);
  return waited.ok ? 'rolled-back' : 'rollback-failed';
}

/** runningImages reads the images a workload's pod template holds now (after a rollback, the old ones). */
async function runningImages(kubectl: Kubectl, w: AppliedObject): Promise<string[] | undefined> {
  const [object] = await quietJson(kubectl, [refOf(w), '--namespace', w.namespace]);
  const spec = (object?.['spec'] as { template?: { spec?: Record<string, unknown> } })?.template
    ?.spec;
  if (!spec) return undefined;
  return ['initContainers', 'containers'].flatMap((list) =>
    ((spec[list] ?? []) as { name: string; image: string }[]).map((c) => `${c.name}: ${c.image}`),
  );
}

/** deploy plans (render, permissions, dry run), applies and waits; see DeployResult for what it reports. */
export async function deploy(o: DeployOptions): Promise<DeployResult> {
  const kubectl = new Kubectl({ bin: o.kubectl, kubeconfig: o.kubeconfig, context: o.context });
  mkdirSync(o.renderDir, { recursive: true });
  const rendered = await group('Render manifests', () => render(o, kubectl));
  let cached: KubectlErrorContext | undefined;
  const ctx = async () => {
    cached ??= await errorContext(kubectl, rendered);
    return cached;
  };
  await group('Check permissions and validate with a server-side dry run', async () => {
    await checkPermissions(o, kubectl, rendered, ctx);
    await dryRun(o, kubectl, rendered, await ctx());
  });
  const { applied, selectors } = await group(
    `Apply ${rendered.files.length} manifest file${rendered.files.length === 1 ? '' : 's'}`,
    () => apply(o, kubectl, rendered),
  );
  const workloads = applied.filter((a) => ROLLOUT_KINDS.includes(a.kind));
  const selectorOfWorkload = (w: AppliedObject) =>
    selectors.get(`${w.namespace}/${refOf(w)}`) ?? '';
  const timeout = formatDuration(o.timeoutMs);
  const deadline = Date.now() + o.timeoutMs;
  const waits = workloads.length
    ? await group(
        `Wait for ${workloads.length} rollout${workloads.length === 1 ? '' : 's'} (timeout ${timeout})`,
        () =>
          Promise.all(
            workloads.map((w) => waitFor(kubectl, w, selectorOfWorkload(w), deadline, ctx)),
          ),
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
    const planned = rendered.images.get(refOf(w));
    if (planned) outcome.running = planned;
    rollouts.push(outcome);
    if (waited.ok) continue;
    outcome.status = 'failed';
    const found = await group(`Why ${refOf(w)} is not ready`, () =>
      diagnose(kubectl, w, selectorOfWorkload(w)),
    );
    outcome.reason = waited.hopeless
      ? `${headline([waited.hopeless])}, which does not heal by itself (stopped after ${waited.seconds}s, not at the ${timeout} timeout)`
      : `it did not become ready within ${timeout}: ${found.reason ?? waited.message}`;
    if (!waited.hopeless && /progress deadline/.test(waited.message))
      outcome.reason = `${waited.message}: ${found.reason ?? 'no pod reason found'}`;
    outcome.events = found.events;
    outcome.logs = found.logs;
    const object = rendered.objects.find((x) => x.kind === w.kind && x.name === w.name);
    error(`${refOf(w)} in namespace ${w.namespace}: ${outcome.reason}`, {
      title: 'Rollout failed',
      ...(object && !object.file.endsWith('(kustomize)')
        ? { file: object.file, line: object.line }
        : {}),
    });
    if (o.rollbackOnFailure) {
      outcome.status = await group(`Roll back ${refOf(w)}`, () =>
        rollBack(kubectl, w, selectorOfWorkload(w), o.timeoutMs, ctx),
      );
      rolledBack ||= outcome.status === 'rolled-back';
    }
    const running = await runningImages(kubectl, w);
    if (running) outcome.running = running;
  }
  const failed = rollouts.filter((r) => r.status !== 'ready');
  let failure: ActionError | undefined;
  let writtenBack: string[] = [];
  if (failed.length) {
    const list = failed.map((r) => `${refOf(r)} (${r.reason})`).join('; ');
    const after = rolledBack
      ? 'The previous revision was restored'
      : o.rollbackOnFailure
        ? 'Nothing could be rolled back'
        : 'Nothing was rolled back (rollback-on-failure is off)';
    const kept = rendered.writeBack.length ? '; the checkout keeps its images (no write-back)' : '';
    failure = new ActionError(
      `${failed.length} of ${rollouts.length} rollout${rollouts.length === 1 ? '' : 's'} failed: ${list}`,
      {
        hint: `${after}${kept}; the pod reasons, events and logs are in the log group above and in the job summary`,
      },
    );
  } else if (rendered.writeBack.length) {
    writtenBack = writeBackAll(rendered.writeBack);
  }
  return {
    renderedPath: o.renderDir,
    applied,
    images: rendered.changes,
    rollouts,
    rolledBack,
    writtenBack,
    failure,
  };
}
