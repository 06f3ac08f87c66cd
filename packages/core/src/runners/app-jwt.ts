// The JSON web token a GitHub App signs to ask for an installation token (RS256, ten minutes at
// most, issued 60 s back against clock drift), as GitHub's App authentication guide describes.
import { createPrivateKey, sign } from 'node:crypto';
import { ActionError } from '../pure/errors.ts';

/** appJwt signs a GitHub App JWT with the App's private key (PEM, PKCS#1 or PKCS#8). */
export function appJwt(
  appId: string,
  privateKeyPem: string,
  nowSeconds = Date.now() / 1000,
): string {
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(privateKeyPem.replace(/\\n/g, '\n'));
  } catch {
    throw new ActionError('the GitHub App private key could not be read', {
      hint: "Store the App's whole .pem file (BEGIN ... PRIVATE KEY through END) in the secret",
    });
  }
  const now = Math.floor(nowSeconds);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iss = /^\d+$/.test(appId) ? Number(appId) : appId;
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: now - 60, exp: now + 540, iss })}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}
