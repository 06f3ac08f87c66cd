import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { stopChild, waitForLine } from './child.ts';
import { scratchDir } from './tmp.ts';

/**
 * Azurite's documented development account: a well-known name and key that only the emulator
 * accepts (https://learn.microsoft.com/azure/storage/common/storage-use-azurite).
 */
export const azuriteAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

/** A running Azurite blob service on 127.0.0.1 and what a client needs to reach it. */
export interface Azurite {
  /** The blob endpoint, path-style: `http://127.0.0.1:PORT/devstoreaccount1`. */
  blobEndpoint: string;
  /** The port it listens on. */
  port: number;
  /** A connection string with the development account's key and the endpoint above. */
  connectionString: string;
  /** The environment a workflow would set for DVC's Azure remote: AZURE_STORAGE_CONNECTION_STRING. */
  env: Record<string, string>;
  /** The account key, to check that it never reaches a log. */
  accountKey: string;
  /** createContainer makes an empty container. */
  createContainer(name: string): Promise<void>;
  /** listBlobs lists every blob name in a container (optionally under a prefix), sorted. */
  listBlobs(container: string, prefix?: string): Promise<string[]>;
  /** deleteBlob removes one blob. */
  deleteBlob(container: string, name: string): Promise<void>;
  /** blobSize returns a blob's size in bytes, or undefined when there is none. */
  blobSize(container: string, name: string): Promise<number | undefined>;
  /**
   * signBlobUrl returns a service SAS URL for one blob, as the Actions cache service hands out:
   * the query (sv, se, sr, sp, sig) signed with the account key, on the given base URL
   * (default: the path-style endpoint; pass a production-style host to reach it through a proxy).
   */
  signBlobUrl(
    container: string,
    name: string,
    permissions: string,
    options?: { expiresInMs?: number; baseUrl?: string },
  ): string;
  /** stop ends the emulator and waits for it to exit (its data folder stays until the process exits). */
  stop(): Promise<void>;
}

/** Options for startAzurite. */
export interface AzuriteOptions {
  /** Where Azurite keeps its data (default: a new scratch folder). */
  location?: string;
  /** How long to wait for it to listen (default 30 s). */
  startTimeoutMs?: number;
}

/**
 * startAzurite runs the Azurite blob service from the pinned npm package on 127.0.0.1 with a port
 * the system picks, telemetry off, in its own folder, and resolves once it listens.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const require = createRequire(import.meta.url);
  const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
  const location = options.location ?? scratchDir('azurite-');
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--location',
      location,
      '--disableTelemetry',
      // Clients newer than this Azurite ask for newer service versions; it serves them all the same.
      '--skipApiVersionCheck',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
  );
  const port = Number(
    (
      await waitForLine(
        child,
        /listens on http:\/\/127\.0\.0\.1:(\d+)/,
        'Azurite',
        options.startTimeoutMs ?? 30_000,
      )
    )[1],
  );
  const blobEndpoint = `http://127.0.0.1:${port}/${azuriteAccount.name}`;
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${azuriteAccount.name};AccountKey=${azuriteAccount.key};BlobEndpoint=${blobEndpoint};`;
  const credential = new StorageSharedKeyCredential(azuriteAccount.name, azuriteAccount.key);
  const service = new BlobServiceClient(blobEndpoint, credential, {
    retryOptions: { maxTries: 1 },
  });

  return {
    blobEndpoint,
    port,
    connectionString,
    env: { AZURE_STORAGE_CONNECTION_STRING: connectionString },
    accountKey: azuriteAccount.key,
    async createContainer(name) {
      await service.getContainerClient(name).create();
    },
    async listBlobs(container, prefix = '') {
      const names: string[] = [];
      for await (const blob of service.getContainerClient(container).listBlobsFlat({ prefix })) {
        names.push(blob.name);
      }
      return names.sort();
    },
    async deleteBlob(container, name) {
      await service.getContainerClient(container).deleteBlob(name);
    },
    async blobSize(container, name) {
      const blob = service.getContainerClient(container).getBlobClient(name);
      if (!(await blob.exists())) return undefined;
      return (await blob.getProperties()).contentLength;
    },
    signBlobUrl(container, name, permissions, signOptions = {}) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: name,
          permissions: BlobSASPermissions.parse(permissions),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + (signOptions.expiresInMs ?? 3_600_000)),
          protocol: SASProtocol.HttpsAndHttp,
        },
        credential,
      ).toString();
      const base = signOptions.baseUrl ?? blobEndpoint;
      return `${base}/${container}/${name.split('/').map(encodeURIComponent).join('/')}?${sas}`;
    },
    stop: () => stopChild(child),
  };
}
