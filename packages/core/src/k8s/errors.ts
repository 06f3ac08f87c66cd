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
    /You must be logged in to the server|\(Unauthorized\)|Unauthorized/.test(text) &&
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
