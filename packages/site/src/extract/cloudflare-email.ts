/**
 * Decodes Cloudflare's "email address obfuscation" payload (`data-cfemail` or the hex after
 * `/cdn-cgi/l/email-protection#`): the first byte is an XOR key for every following byte.
 * Returns null for anything that is not well-formed hex, so a page cannot make us throw.
 */
export function decodeCloudflareEmail(hex: string): string | null {
  const clean = hex.trim();
  if (clean.length < 4 || clean.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(clean)) return null;
  const key = parseInt(clean.slice(0, 2), 16);
  const bytes: number[] = [];
  for (let i = 2; i < clean.length; i += 2) bytes.push(parseInt(clean.slice(i, i + 2), 16) ^ key);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** Encodes an address the way Cloudflare does; used by fixtures and tests to build realistic pages. */
export function encodeCloudflareEmail(email: string, key = 0x5a): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return hex(key) + Array.from(new TextEncoder().encode(email), (b) => hex(b ^ key)).join('');
}
