/** SHA-256 (hex) of a file's bytes: a PDF report's identity. */
export async function bytesHash(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 (hex) of a report's text with line endings unified, so CRLF and LF copies of one report are one report. */
export async function contentHash(text: string): Promise<string> {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
