/** Saves a blob as a download from an extension page (the browser's own save flow; nothing leaves the machine). */
export function saveDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  // The download reads the blob asynchronously; the URL is revoked once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
