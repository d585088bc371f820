import { marked } from 'marked';
import { splitFrontMatter } from './front-matter';
import { detectFormat } from './report-blocks';

/**
 * A report's body as HTML for the reader, before sanitising: Markdown through marked, HTML as it is, plain text
 * escaped into paragraphs. The result is untrusted until `sanitiseReportHtml` has run on it.
 */
export function reportBodyHtml(fileName: string, originalText: string): string {
  let body: string;
  try {
    body = splitFrontMatter(originalText).body;
  } catch {
    body = originalText;
  }
  const format = detectFormat(fileName, body);
  if (format === 'html') return body;
  if (format === 'markdown') return marked.parse(body, { async: false, gfm: true });
  return body
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
