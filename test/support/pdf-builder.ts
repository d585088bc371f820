import { deflateSync } from 'node:zlib';

/** One indirect object of a hand-built PDF: its body (between `n 0 obj` and `endobj`), as text or bytes. */
export type PdfObject = string | Uint8Array;

const encoder = new TextEncoder();
const bytesOf = (part: PdfObject) => (typeof part === 'string' ? encoder.encode(part) : part);

/**
 * A PDF from numbered objects (object 1 is the catalog), with a correct cross-reference table and trailer: the
 * hostile suite builds its attacks from these (nesting, cycles, bombs, encryption) instead of storing binaries.
 */
export function buildPdf(objects: readonly PdfObject[], trailerExtra = ''): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    for (const part of [encoder.encode(`${i + 1} 0 obj\n`), bytesOf(body), encoder.encode('\nendobj\n')]) {
      parts.push(part);
      offset += part.length;
    }
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${offset}\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
}

/** A stream object: its dictionary entries and data, deflated when `flate`. */
export function streamObject(data: Uint8Array | string, { flate = false, extra = '' } = {}): Uint8Array {
  const raw = bytesOf(data);
  const body = flate ? deflateSync(raw, { level: 9 }) : raw;
  const head = encoder.encode(`<< /Length ${body.length}${flate ? ' /Filter /FlateDecode' : ''} ${extra}>>\nstream\n`);
  const tail = encoder.encode('\nendstream');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

/** A one-page PDF whose page shows `content` (a content stream) in Helvetica. */
export function onePagePdf(content: Uint8Array | string, { flate = false } = {}): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    streamObject(content, { flate }),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A page of ordinary text: `lines` set top to bottom in 11 pt Helvetica. */
export const textContent = (lines: readonly string[]) =>
  `BT /F1 11 Tf 14 TL 50 780 Td ${lines.map((line) => `(${line.replace(/[()\\]/g, '\\$&')}) Tj T*`).join(' ')} ET`;
