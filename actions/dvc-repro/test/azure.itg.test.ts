// dvc-repro and dvc-push with an Azure Blob Storage remote, the real dvc-azure plugin against
// Azurite on 127.0.0.1. The endpoint and the key come in AZURE_STORAGE_CONNECTION_STRING from the
// step's env (a secret): DVC's Azure remote has no endpoint setting of its own.
import { startAzurite } from '@mlops-actions/testkit/azurite';
import { describeCloudRemote } from './cloud-remote.ts';

describeCloudRemote('Azure Blob Storage', async () => {
  const azurite = await startAzurite();
  await azurite.createContainer('ml-data');
  const wrongKey = Buffer.from(
    'not the account key, but 64 bytes long like the real ones........',
  ).toString('base64');
  return {
    remote: { url: 'azure://ml-data/dvc', env: azurite.env },
    objects: () => azurite.listBlobs('ml-data', 'dvc/'),
    deleteObject: (name) => azurite.deleteBlob('ml-data', name),
    wrongCredentialEnv: {
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(
        /AccountKey=[^;]+/,
        `AccountKey=${wrongKey}`,
      ),
    },
    credentialError:
      /^dvc-repro failed: no usable credentials for DVC remote 'storage' \(azure:\/\/ml-data\/dvc\): .*Server failed to authenticate the request.* Set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY, in the step's env from secrets/,
    secret: azurite.accountKey,
    stop: () => azurite.stop(),
  };
});
