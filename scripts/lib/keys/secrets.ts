/**
 * Keeps the secrets that this process has loaded (private keys, keystore passwords, RPC URLs with
 * credentials) so that every message leaving the CLI can be scrubbed of them.
 */

const REDACTED = "[redacted]";
const secrets = new Set<string>();

/** Adds `value` to the strings that `redact` removes; values shorter than 6 characters are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < 6) return;
  secrets.add(value);
  // A hex key also appears without its 0x prefix, and in either case.
  if (/^0x[0-9a-fA-F]+$/.test(value)) {
    secrets.add(value.slice(2));
    secrets.add(value.slice(2).toLowerCase());
    secrets.add(value.toLowerCase());
  }
}

/**
 * Registers the parts of an RPC or gateway URL that can carry credentials: the user information,
 * the path and the query. Many providers put the API key in the path.
 */
export function registerSecretUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    registerSecret(url);
    return;
  }
  if (!hasCredentials(parsed)) return;
  registerSecret(url);
  registerSecret(parsed.href);
  registerSecret(parsed.password);
  registerSecret(decodeURIComponent(parsed.password));
  registerSecret(parsed.username);
  for (const segment of parsed.pathname.split("/")) registerSecret(segment);
  for (const value of parsed.searchParams.values()) registerSecret(value);
}

/** Returns whether a URL carries a user name, password, path or query that may be a credential. */
export function hasCredentials(url: URL): boolean {
  return url.username !== "" || url.password !== "" || (url.pathname !== "/" && url.pathname !== "") || url.search !== "";
}

/** Returns `url` without the parts that may carry credentials, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return hasCredentials(parsed) ? `${parsed.protocol}//${parsed.host}/${REDACTED}` : parsed.origin;
  } catch {
    return REDACTED;
  }
}

/** Returns `text` with every registered secret replaced by "[redacted]". */
export function redact(text: string): string {
  let result = text;
  // Longest first, so that a URL is replaced whole before its parts.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}
