// The `kubeconfig` input: plain YAML or base64 of it, checked for shape, with the values that must
// never reach a log listed for masking. Pure: no I/O, no @actions/*.
import { parse } from 'yaml';
import { InputError } from '../pure/errors.ts';
import { redactUrl } from '../pure/redact.ts';

/** A kubeconfig read from the input. */
export interface Kubeconfig {
  /** The YAML text to write to the file kubectl reads. */
  text: string;
  /** Credentials and other values to mask (tokens, keys, passwords, exec env values). */
  secrets: string[];
  /** The server URL of each context, without credentials, for messages. */
  servers: Record<string, string>;
  currentContext: string | undefined;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

const SECRET_KEYS = ['token', 'password', 'client-key-data', 'client-certificate-data', 'username'];

function collectSecrets(config: Json): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 3) out.push(v);
  };
  for (const user of list(config['users'])) {
    const u = obj(user['user']);
    for (const key of SECRET_KEYS) add(u[key]);
    for (const v of Object.values(obj(obj(u['auth-provider'])['config']))) add(v);
    for (const env of list(obj(u['exec'])['env'])) add(env['value']);
  }
  for (const cluster of list(config['clusters'])) {
    const server = obj(cluster['cluster'])['server'];
    if (typeof server === 'string') {
      const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]+)@/i.exec(server)?.[1];
      if (userinfo) add(userinfo);
    }
  }
  return out;
}

function decode(input: string): string {
  const compact = input.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0 && !input.includes(':')) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    if (/\b(clusters|apiVersion)\b/.test(decoded)) return decoded;
  }
  return input;
}

/**
 * readKubeconfig accepts a kubeconfig's YAML (or its base64, as many secrets hold it) and checks
 * that it names a context with a cluster; the error never quotes the content.
 */
export function readKubeconfig(input: string, name = 'kubeconfig'): Kubeconfig {
  const text = decode(input.trim());
  let config: Json;
  try {
    config = obj(parse(text));
  } catch {
    throw new InputError(
      name,
      'is not valid YAML (nor base64 of it)',
      'Store the whole kubeconfig file in the secret, as `kubectl config view --raw --minify` prints it.',
    );
  }
  const clusters = list(config['clusters']);
  const contexts = list(config['contexts']);
  if (!clusters.length || !contexts.length) {
    throw new InputError(
      name,
      'has no clusters or no contexts',
      'Store the whole kubeconfig file in the secret, as `kubectl config view --raw --minify` prints it.',
    );
  }
  const servers: Record<string, string> = {};
  for (const context of contexts) {
    const clusterName = obj(context['context'])['cluster'];
    const cluster = clusters.find((c) => c['name'] === clusterName);
    const server = obj(cluster?.['cluster'])['server'];
    if (typeof context['name'] === 'string' && typeof server === 'string')
      servers[context['name']] = redactUrl(server);
  }
  const current = config['current-context'];
  return {
    text: text.endsWith('\n') ? text : `${text}\n`,
    secrets: collectSecrets(config),
    servers,
    currentContext: typeof current === 'string' && current ? current : undefined,
  };
}
