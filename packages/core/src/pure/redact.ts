/** redactUrl removes a user name, password and sensitive query values from a URL-like string. */
export function redactUrl(value: string): string {
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1')
    .replace(
      /([?&](?:token|access_token|sig|signature|x-amz-signature|x-amz-credential|password)=)[^&#\s]*/gi,
      '$1***',
    );
}

/** redactSecrets replaces every occurrence of each secret (and its URL-encoded form) in text with ***. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join('***');
  }
  return out;
}
