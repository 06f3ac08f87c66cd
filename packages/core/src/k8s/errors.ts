// kubectl's failures, turned into one clear message with what to do: no cluster reachable, an
// untrusted certificate, rejected credentials, an RBAC refusal, a kind the cluster does not serve,
// an object the server rejects. Pure: no I/O, no @actions/*.
import { ActionError, type ErrorLocation } from '../pure/errors.ts';
import { redactUrl } from '../pure/redact.ts';
import type { ManifestObject } from './manifests.ts';

/** What the classifier knows about the run, to name files and the server. */
export interface KubectlErrorContext {
  /** The server URL in use (credentials removed), when known. */
  server?: string | undefined;
  /** Rendered file path → the file as the user knows it. */
  files?: Map<string, string>;
  /** The objects applied, to point at the line of the one the server rejected. */
  objects?: readonly ManifestObject[];
}

const UNREACHABLE = [
  /connect: connection refused/,
  /was refused - did you specify the right host or port/,
  /no such host/,
  /i\/o timeout/,
  /network is unreachable/,
  /no route to host/,
  /TLS handshake timeout/,
  /connection reset by peer/,
  /Unable to connect to the server/,
  /context deadline exceeded \(Client\.Timeout/,
];

/** userFiles replaces rendered file paths in kubectl's messages with the files the user knows. */
export function userFiles(text: string, files: Map<string, string> | undefined): string {
  let out = text;
  for (const [rendered, source] of files ?? []) out = out.split(rendered).join(source);
  return out;
}

function locate(
  kind: string | undefined,
  name: string | undefined,
  file: string | undefined,
  ctx: KubectlErrorContext,
): ErrorLocation | undefined {
  const object = ctx.objects?.find(
    (o) => (!kind || o.kind === kind) && (!name || o.name === name) && (!file || o.file === file),
  );
  if (object) return { file: object.file, line: object.line };
  return file ? { file } : undefined;
}

/**
 * classifyKubectlError reads what kubectl wrote to stderr and returns the ActionError to fail
 * with, or undefined when it is none of the known failures (the caller keeps the raw error).
 */
export function classifyKubectlError(
  stderr: string,
  ctx: KubectlErrorContext = {},
): ActionError | undefined {
  const text = userFiles(stderr, ctx.files);
  const server = ctx.server ? redactUrl(ctx.server) : undefined;
  const at = server ? ` at ${server}` : '';

  if (/x509: |tls: failed to verify certificate/.test(text)) {
    const reason =
      /(x509: [^\n]+|tls: failed to verify certificate[^\n]*)/.exec(text)?.[1] ??
      'certificate not trusted';
    return new ActionError(
      `the Kubernetes API server${at} has a certificate kubectl does not trust (${reason.trim()})`,
      {
        hint: "Put the cluster's CA in the kubeconfig (certificate-authority-data), or check that the server URL names the cluster the certificate was made for",
      },
    );
  }
  if (UNREACHABLE.some((r) => r.test(text))) {
    const detail =
      /(dial tcp [^\n;]*|no such host|i\/o timeout|TLS handshake timeout|connection reset by peer)/.exec(
        text,
      )?.[1];
    return new ActionError(
      `no Kubernetes API server is reachable${at}${detail ? ` (${detail.trim()})` : ''}`,
      {
        hint: 'Check the kubeconfig (the `kubeconfig` input or KUBECONFIG) and its context, and that this runner can reach the cluster (network, VPN, authorized networks)',
      },
    );
  }
  if (
    /You must be logged in to the server|\(Unauthorized\)|Unauthorized|the server has asked for the client to provide credentials/.test(
      text,
    ) &&
    !/Forbidden/.test(text)
  ) {
    return new ActionError(
      `the Kubernetes API server${at} rejected the credentials (401 Unauthorized)`,
      {
        hint: "The kubeconfig's token or client certificate is wrong or expired: refresh the secret",
      },
    );
  }
  const forbidden =
    /(?:Error from server \(Forbidden\): )?(?:error when [^:]+: )?(?:(\S+?)(?: "([^"]+)")? is forbidden: )?User "([^"]+)" cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)"| at the cluster scope)?/.exec(
      text,
    );
  if (forbidden) {
    const [, , name, user, verb, resource, group, namespace] = forbidden;
    const full = group ? `${resource}.${group}` : resource;
    const where = namespace ? `in namespace "${namespace}"` : 'at cluster scope';
    return new ActionError(
      `forbidden by RBAC: user "${user}" cannot ${verb} ${full}${name ? ` ("${name}")` : ''} ${where}`,
      {
        hint: `Grant it with a Role bound to that user or service account, e.g. \`kubectl create role deployer --verb=${verb} --resource=${full}${namespace ? ` -n ${namespace}` : ''}\` and a RoleBinding`,
      },
    );
  }
  const unknown =
    /resource mapping not found for name: "([^"]*)" namespace: "[^"]*" from "([^"]+)": no matches for kind "([^"]+)" in version "([^"]+)"/.exec(
      text,
    );
  if (unknown) {
    const [, name, file, kind, version] = unknown;
    return new ActionError(
      `${file}: the cluster does not serve kind ${kind} in version ${version} (object "${name}")`,
      {
        hint: 'Fix apiVersion and kind, or install the CustomResourceDefinition that provides them before this step',
        location: locate(kind, name, file, ctx),
      },
    );
  }
  const invalid = /The (\w+) "([^"]*)" is invalid: (.+)/.exec(text);
  if (invalid) {
    const [, kind, name, why] = invalid;
    const object = ctx.objects?.find((o) => o.kind === kind && o.name === name);
    return new ActionError(
      `${object ? `${object.file}: ` : ''}the API server rejected ${kind} "${name}": ${why}`,
      {
        hint: 'Fix the manifest: the field named above is wrong',
        location: locate(kind, name, undefined, ctx),
      },
    );
  }
  const missingNamespace = /namespaces "([^"]+)" not found/.exec(text);
  if (missingNamespace) {
    return new ActionError(`the namespace "${missingNamespace[1]}" does not exist${at}`, {
      hint: 'Create it first (add a Namespace object to the manifests, or create it in an earlier step), or fix the namespace input',
    });
  }
  const fromServer =
    /Error from server \((\w+)\): error when (?:creating|applying patch|patching|retrieving current configuration of)[^"]*"([^"]+)"[^:]*: (.+)/.exec(
      text,
    );
  if (fromServer) {
    const [, reason, file, why] = fromServer;
    const kind = /^(\w+) in version/.exec(why ?? '')?.[1];
    return new ActionError(`${file}: the API server rejected the object (${reason}): ${why}`, {
      hint:
        reason === 'NotFound' && /namespaces? "/.test(why ?? '')
          ? 'Create the namespace first (add a Namespace object before the others, or in an earlier step)'
          : 'Fix the manifest and run again',
      location: locate(kind, undefined, file, ctx),
    });
  }
  const namespaces =
    /the namespace from the provided object "([^"]+)" does not match the namespace "([^"]+)"/.exec(
      text,
    );
  if (namespaces) {
    const [, own, given] = namespaces;
    return new ActionError(
      `an object sets metadata.namespace "${own}", but the namespace input is "${given}"`,
      {
        hint: `Remove metadata.namespace from the manifest, or set the namespace input to ${own} (or leave it empty)`,
        location: ctx.objects?.find((o) => o.namespace === own)
          ? locate(undefined, ctx.objects.find((o) => o.namespace === own)!.name, undefined, ctx)
          : undefined,
      },
    );
  }
  const validation =
    /error: error validating "([^"]+)": error validating data: (.+?)(?:; if you choose to ignore these errors.*)?$/m.exec(
      text,
    );
  if (validation) {
    const [, file, why] = validation;
    return new ActionError(`${file}: kubectl could not validate the manifest: ${why}`, {
      hint: 'Fix the fields named above',
      location: locate(undefined, undefined, file, ctx),
    });
  }
  return undefined;
}

/** One object's fields that server-side apply would take from another field manager. */
export interface FieldConflict {
  /** `deployment/web`, or the file when kubectl does not say which object. */
  object: string;
  manager: string;
  /** The subresource the manager wrote through (`scale` for `kubectl scale`). */
  subresource?: string;
  fields: string[];
}

/**
 * parseConflicts reads the conflicts kubectl reports for `apply --server-side` without
 * --force-conflicts: "Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1:
 * .spec.replicas", or a list of fields after "conflicts with ...:".
 */
export function parseConflicts(text: string): FieldConflict[] {
  const out: FieldConflict[] = [];
  const blocks = text.split(/(?=Apply failed with \d+ conflicts?)/);
  for (const block of blocks) {
    if (!/^Apply failed with \d+ conflicts?/.test(block)) continue;
    const object = objectOf(block);
    const re =
      /conflicts? with "([^"]+)"(?: with subresource "([^"]+)")?(?: using [^:\s]+)?:([^\n]*(?:\n- [^\n]+)*)/g;
    for (let m = re.exec(block); m; m = re.exec(block)) {
      const fields = m[3]!
        .split('\n')
        .map((l) => l.replace(/^- /, '').trim())
        .filter(Boolean);
      out.push({ object, manager: m[1]!, ...(m[2] ? { subresource: m[2] } : {}), fields });
    }
  }
  return out;
}

function objectOf(block: string): string {
  const named =
    /Name: "([^"]+)", Namespace: "[^"]*"[\s\S]*?Kind=(\w+)|Kind=(\w+)"?\s*Name: "([^"]+)"/.exec(
      block,
    );
  if (named) {
    const kind = named[2] ?? named[3] ?? '';
    const name = named[1] ?? named[4] ?? '';
    return `${kind.toLowerCase()}/${name}`;
  }
  const file = /for: "([^"]+)"/.exec(block)?.[1];
  return file ?? 'an object';
}

/** One object the API server rejected, read from kubectl's error text. */
export interface RejectedObject {
  file: string | undefined;
  kind: string | undefined;
  name: string | undefined;
  /** What is wrong, without kubectl's patch text: `unknown field "spec.replicass"`. */
  why: string;
}

/** plainWhy rewrites the server's decoding errors into what is wrong with which field. */
function plainWhy(text: string): string {
  const why = text.replace(/^.*cannot be handled as an? \w+: /, '').trim();
  const unknown = /strict decoding error: (.+)$/.exec(why);
  if (unknown) {
    const fields = [...unknown[1]!.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]!);
    const dup = [...unknown[1]!.matchAll(/duplicate field "([^"]+)"/g)].map((m) => m[1]!);
    const parts = [];
    if (fields.length)
      parts.push(
        `unknown field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `"${f}"`).join(', ')} (no such field in this kind's schema: a typo, or the wrong level of indentation)`,
      );
    if (dup.length)
      parts.push(
        `duplicate field${dup.length > 1 ? 's' : ''} ${dup.map((f) => `"${f}"`).join(', ')}`,
      );
    if (parts.length) return parts.join('; ');
  }
  const type = /json: cannot unmarshal (\w+) into Go struct field \w+\.(\S+) of type (\S+)/.exec(
    why,
  );
  if (type) return `field "${type[2]}" must be of type ${type[3]}, not ${type[1]}`;
  const declared = /^\.(\S+): field not declared in schema$/.exec(why);
  if (declared)
    return `unknown field "${declared[1]}" (no such field in this kind's schema: a typo, or the wrong level of indentation)`;
  const expected = /^\.(\S+): expected (\w+)(?: \([^)]*\))?, got (\w+\b)?/.exec(why);
  if (expected)
    return `field "${expected[1]}" must be of type ${expected[2]}${expected[3] ? `, not ${expected[3]}` : ''}`;
  return why;
}

/** lastApplied reads kind and name from the last-applied configuration inside kubectl's patch text. */
function lastApplied(block: string): { kind: string | undefined; name: string | undefined } {
  const quoted = /last-applied-configuration:(\{.*?\})\\n\]/.exec(block)?.[1];
  if (!quoted) return { kind: undefined, name: undefined };
  try {
    const object = JSON.parse(JSON.parse(`"${quoted}"`) as string) as {
      kind?: string;
      metadata?: { name?: string };
    };
    return { kind: object.kind, name: object.metadata?.name };
  } catch {
    return { kind: undefined, name: undefined };
  }
}

/**
 * parseRejections reads every object the API server rejected from the stderr of `kubectl apply`,
 * in each form kubectl prints: a new object (`error when creating "FILE": Deployment in version
 * "v1" cannot be handled as a Deployment: ...`), a patch of an existing one (`The request is
 * invalid: patch: Invalid value: "map[...]": ...`, the object only inside the patch text), an
 * invalid value (`The Deployment "web" is invalid: ...`, one or a `* ` list), and server-side
 * apply (`failed to create typed patch object (ns/web; apps/v1, Kind=Deployment): ...`).
 */
export function parseRejections(stderr: string): RejectedObject[] {
  const out: RejectedObject[] = [];
  const blocks = stderr.split(/^(?=Error from server|error: |The )/m).filter((b) => b.trim());
  for (const block of blocks) {
    if (/is forbidden|Unauthorized|Apply failed with \d+ conflict/.test(block)) continue;
    const file =
      /^for: "([^"]+)"/m.exec(block)?.[1] ??
      /error when (?:creating|patching) "([^"]+)"/.exec(block)?.[1];
    const handled = /(\w+) in version "[^"]+" cannot be handled as an? (\w+): (.+)$/m.exec(block);
    const invalid = /(?:^The |: )(\w+)(?:\.[\w.-]+)? "([^"]+)" is invalid: (.*)$/m.exec(block);
    const typed =
      /failed to create typed patch object \(([^;]*?)\/?([^/;]+); [^,]*, Kind=(\w+)\): (.+)$/m.exec(
        block,
      );
    const patch = /patch: Invalid value: "map\[/.test(block);
    if (handled) {
      out.push({ file, kind: handled[2], name: undefined, why: plainWhy(handled[3]!) });
    } else if (invalid) {
      const listed = [...block.matchAll(/^\* (.+)$/gm)].map((m) => m[1]!.trim());
      const why = [invalid[3]!.trim(), ...listed].filter(Boolean).join('; ');
      out.push({ file, kind: invalid[1], name: invalid[2], why });
    } else if (typed) {
      out.push({ file, kind: typed[3], name: typed[2], why: plainWhy(typed[4]!) });
    } else if (patch) {
      const end = block.lastIndexOf(']": ');
      const why = end >= 0 ? block.slice(end + 4).trim() : block.trim();
      // With several failures kubectl names the object (`Name: "web"`); alone, only the patch does.
      const name = /^Name: "([^"]+)"/m.exec(block)?.[1];
      const kind = /GroupVersionKind: "[^"]*Kind=(\w+)"/.exec(block)?.[1];
      const fromPatch = lastApplied(block);
      out.push({
        file,
        kind: kind ?? fromPatch.kind,
        name: name ?? fromPatch.name,
        why: plainWhy(why),
      });
    }
  }
  return out;
}

/**
 * classifyApplyErrors turns the objects the API server rejected into one error that names, for
 * each, the file, the object, the field and why, with an annotation on the first; undefined when
 * kubectl's text holds no rejected object.
 */
export function classifyApplyErrors(
  stderr: string,
  ctx: KubectlErrorContext = {},
): ActionError | undefined {
  const rejected = parseRejections(userFiles(stderr, ctx.files));
  if (!rejected.length) return undefined;
  const described = rejected.map((r) => {
    const candidates = ctx.objects?.filter(
      (o) =>
        (!r.kind || o.kind === r.kind) &&
        (!r.name || o.name === r.name) &&
        (!r.file || o.file === r.file),
    );
    const object = candidates?.length === 1 ? candidates[0] : undefined;
    const name = r.name ?? object?.name;
    const file = r.file ?? object?.file;
    const where = object ? `${object.file}:${object.line}` : file;
    return {
      text: `${where ? `${where}: ` : ''}${r.kind ?? 'an object'}${name ? ` "${name}"` : ''}: ${r.why}`,
      location: object ? { file: object.file, line: object.line } : file ? { file } : undefined,
    };
  });
  const first = described[0]!;
  return new ActionError(
    described.length === 1
      ? `the API server rejected ${first.text}`
      : `the API server rejected ${described.length} objects: ${described.map((d) => d.text).join('; ')}`,
    {
      hint: 'Fix the manifest; nothing was applied (every object is checked with a server-side dry run first)',
      ...(first.location ? { location: first.location } : {}),
    },
  );
}
