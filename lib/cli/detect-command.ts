import { readFile } from 'node:fs/promises';
import { pageSecurities } from '../detect/page-securities';
import { decodeText } from '../import/decode-text';
import { collectTextNodes } from '../page/visible-text-nodes';
import { cliParseContext } from './inspect-command';

/** A saved page's own URL, when it recorded one (canonical link or og:url). */
function savedPageUrl(doc: Document): string | undefined {
  return (
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined
  );
}

/**
 * `detect FILE.html [--url URL] [--securities LIST]`: the securities of a saved page, found the way the content
 * script finds them (the same visible-text walk and matcher), with every known security rather than only those with
 * reports. Prints `{ file, primary, securities }`.
 */
export async function detectCommand(
  file: string,
  options: { url?: string; securities?: string },
  print: (line: string) => void,
): Promise<void> {
  const { text } = decodeText(new Uint8Array(await readFile(file)));
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const { dictionary, matcher } = await cliParseContext(options.securities);
  const texts = doc.body ? collectTextNodes(doc.body).map((node) => node.nodeValue ?? '') : [];
  const found = pageSecurities({ url: options.url ?? savedPageUrl(doc), title: doc.title ?? '', texts }, matcher, dictionary);
  print(JSON.stringify({ file, ...found }));
}
