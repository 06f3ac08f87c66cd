// dvc-repro and dvc-push with a Google Cloud Storage remote, the real dvc-gs plugin against
// fake-gcs-server on 127.0.0.1. The endpoint is DVC's own `endpointurl` in .dvc/config (what a
// private endpoint or an emulator needs); the credential is a service account key file in
// GOOGLE_APPLICATION_CREDENTIALS, as google-github-actions/auth leaves it.
import { readFile } from 'node:fs/promises';
import { startFakeGcs } from '@mlops-actions/testkit/gcs';
import { describeCloudRemote } from './cloud-remote.ts';

describeCloudRemote('Google Cloud Storage', async () => {
  const gcs = await startFakeGcs();
  await gcs.createBucket('ml-data');
  const key = JSON.parse(await readFile(gcs.credentialsFile, 'utf8')) as { private_key: string };
  return {
    remote: {
      url: 'gs://ml-data/dvc',
      env: gcs.env,
      config: { endpointurl: gcs.endpointUrl },
    },
    objects: () => gcs.listObjects('ml-data', 'dvc/'),
    deleteObject: (name) => gcs.deleteObject('ml-data', name),
    wrongCredentialEnv: { GOOGLE_APPLICATION_CREDENTIALS: gcs.revokedCredentialsFile },
    credentialError:
      /^dvc-repro failed: no usable credentials for DVC remote 'storage' \(gs:\/\/ml-data\/dvc[^)]*\): .*invalid_grant.* Set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, for example with google-github-actions\/auth before this step/,
    // A line from the middle of the private key: it must never be printed.
    secret: key.private_key.split('\n')[5]!,
    stop: () => gcs.stop(),
  };
});
