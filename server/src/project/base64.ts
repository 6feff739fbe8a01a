/**
 * Bytes as base64 and back, for file contents that cross the LSP boundary as JSON (the web
 * build's `rfc/fs/*` requests). `btoa`/`atob` exist in browsers, Web Workers and Node 16+;
 * they take "binary strings", built here in chunks so a large file never overflows the
 * argument list of `String.fromCharCode`.
 */

const CHUNK = 0x8000;

/** The bytes as a base64 string. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The bytes a base64 string holds; undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
