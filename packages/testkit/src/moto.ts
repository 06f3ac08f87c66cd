import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, waitForLine } from './child.ts';
import { pythonVenv } from './python.ts';

/** A running moto S3 server on 127.0.0.1 and what a client needs to reach it. */
export interface MotoS3 {
  /** Base URL to give S3 clients as their endpoint, such as DVC's `endpointurl`. */
  endpointUrl: string;
  /** Any access key works with moto; these are the ones to put in AWS_ACCESS_KEY_ID. */
  accessKeyId: string;
  /** Matching AWS_SECRET_ACCESS_KEY. */
  secretAccessKey: string;
  /** The environment a workflow would set for an S3 client: credentials, region, no IMDS lookups. */
  env: Record<string, string>;
  /** createBucket makes an empty bucket. */
  createBucket(name: string): Promise<void>;
  /** listKeys lists every object key in a bucket (optionally under a prefix), sorted. */
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  /** stop ends the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options for startMotoS3. */
export interface MotoS3Options {
  /** The venv holding `moto_server` (default: the project's pinned venv from pythonVenv()). */
  venv?: string;
  /** How long to wait for the server to listen (default 30 s). */
  startTimeoutMs?: number;
}

/**
 * startMotoS3 runs `moto_server` from the venv on 127.0.0.1 with a port the system picks, and
 * resolves once it prints the address it listens on.
 */
export async function startMotoS3(options: MotoS3Options = {}): Promise<MotoS3> {
  const bin = join(options.venv ?? pythonVenv(), 'bin', 'moto_server');
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const endpointUrl = (
    await waitForLine(
      child,
      /Running on (http:\/\/127\.0\.0\.1:\d+)/,
      'moto_server',
      options.startTimeoutMs ?? 30_000,
    )
  )[1]!;
  const accessKeyId = 'moto-test-access-key';
  const secretAccessKey = 'moto-test-secret-key';

  const request = async (method: string, path: string): Promise<string> => {
    const response = await fetch(`${endpointUrl}${path}`, { method });
    const body = await response.text();
    if (!response.ok) throw new Error(`moto ${method} ${path}: HTTP ${response.status} ${body}`);
    return body;
  };

  return {
    endpointUrl,
    accessKeyId,
    secretAccessKey,
    env: {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      // Never let an S3 client look for instance credentials on a link-local address.
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async createBucket(name) {
      await request('PUT', `/${encodeURIComponent(name)}`);
    },
    async listKeys(bucket, prefix = '') {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix });
        if (token) query.set('continuation-token', token);
        const xml = await request('GET', `/${encodeURIComponent(bucket)}?${query}`);
        for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(unescapeXml(match[1]!));
        token = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
      } while (token);
      return keys.sort();
    },
    stop: () => stopChild(child),
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
