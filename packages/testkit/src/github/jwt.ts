// Verification of GitHub App JSON web tokens (RS256), with the checks and messages GitHub applies.
import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** An app whose JWTs can be verified. */
export interface JwtApp {
  id: number;
  clientId?: string;
  publicKey: KeyObject;
}

/** The outcome of verifying an app JWT: the app, or the 401 message GitHub would answer. */
export type JwtVerdict<T extends JwtApp> = { ok: true; app: T } | { ok: false; message: string };

const UNDECODABLE = 'A JSON web token could not be decoded';
/** GitHub refuses a JWT whose `exp` lies more than ten minutes ahead. */
const MAX_LIFETIME_SECONDS = 600;

/** Turns a PEM string or key into a public KeyObject (a private key yields its public half). */
export function toPublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(key);
}

/** Tells whether a bearer credential has the shape of a JWT (three base64url parts). */
export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies an app JWT: RS256 signature by a known app's key, then `iss`, `iat` and `exp`. */
export function verifyAppJwt<T extends JwtApp>(
  credential: string,
  apps: readonly T[],
  nowSeconds: number = Math.floor(Date.now() / 1000),
): JwtVerdict<T> {
  const [headerPart, payloadPart, signaturePart] = credential.split('.');
  if (headerPart === undefined || payloadPart === undefined || signaturePart === undefined) {
    return { ok: false, message: UNDECODABLE };
  }
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || header.alg !== 'RS256') return { ok: false, message: UNDECODABLE };
  const iss = payload.iss;
  const app = apps.find(
    (a) =>
      (typeof iss === 'number' && a.id === iss) ||
      (typeof iss === 'string' && (String(a.id) === iss || (a.clientId && a.clientId === iss))),
  );
  if (iss === undefined || (typeof iss !== 'number' && typeof iss !== 'string')) {
    return { ok: false, message: "'Issuer' claim ('iss') must be an Integer" };
  }
  if (!app) return { ok: false, message: UNDECODABLE };
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  if (!verify('RSA-SHA256', signed, app.publicKey, signature)) {
    return { ok: false, message: UNDECODABLE };
  }
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds) {
    return {
      ok: false,
      message:
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    };
  }
  if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= nowSeconds) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  if (exp > nowSeconds + MAX_LIFETIME_SECONDS) {
    return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
  }
  return { ok: true, app };
}

/** Signs a GitHub App JWT (RS256) the way app clients do: `iat` 30 s back, `exp` 9.5 min ahead. */
export function signAppJwt(input: {
  appId: number | string;
  privateKey: string | KeyObject;
  nowSeconds?: number;
  iat?: number;
  exp?: number;
}): string {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const iat = input.iat ?? now - 30;
  const exp = input.exp ?? iat + 600;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat, exp, iss: input.appId })}`;
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), input.privateKey);
  return `${unsigned}.${signature.toString('base64url')}`;
}
