import { pdfBody } from './pdf-body';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The element id of one line of a PDF report in the reader: where a field's "page 1, line 21" link scrolls to. */
export const pdfLineId = (page: number, line: number) => `pdf-p${page}-l${line}`;

/**
 * A PDF report's body as reader HTML (escaped text only, still sanitised by the reader): a heading per page, each
 * line a paragraph or heading with its page-and-line id; running headers, footers and the disclaimer left out, with
 * a note saying so.
 */
export function pdfReaderHtml(
  text: string,
  labels: { page: (page: number) => string; setAside: (furniture: number, disclaimerPage: number | undefined) => string },
): string {
  const body = pdfBody(text);
  const parts: string[] = [];
  let page = 0;
  for (const { text: line, page: at, line: n } of body.lines) {
    if (at !== page) {
      if (page) parts.push('</section>');
      parts.push(`<section class="rl-pdf-page"><h4 class="rl-pdf-page-number">${escape(labels.page(at))}</h4>`);
      page = at;
    }
    const heading = /^(#{1,2}) (.+)$/.exec(line);
    const id = pdfLineId(at, n);
    parts.push(
      heading
        ? `<h${heading[1]!.length + 1} id="${id}">${escape(heading[2]!)}</h${heading[1]!.length + 1}>`
        : `<p id="${id}">${escape(line)}</p>`,
    );
  }
  if (page) parts.push('</section>');
  parts.push(`<p class="rl-counts">${escape(labels.setAside(body.furniture, body.disclaimerPage))}</p>`);
  return parts.join('');
}
