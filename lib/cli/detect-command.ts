import { readFile } from 'node:fs/promises';
import { decodeText } from '../import/decode-text';
import { analysePage } from '../page-analysis/analyse-page';
import { summarisePage } from '../page-analysis/page-summary';
import { TextReader } from '../page/visible-text-nodes';
import type { SecurityId } from '../securities/security-id';
import { declaredStyles } from './declared-style';
import { parsePage } from './parse-page';
import { cliParseContext } from './inspect-command';

/**
 * `detect FILE.html [--url URL] [--securities LIST]`: the securities of a saved page, found by the content script's
 * own page analysis (`analysePage`) with every known security rather than only those with reports. Prints
 * `{ file, primary, securities }`: `primary` is the page's subject, `securities` what the popup would list.
 */
export async function detectCommand(
  file: string,
  options: { url?: string; securities?: string },
  print: (line: string) => void,
): Promise<void> {
  const { text } = decodeText(new Uint8Array(await readFile(file)));
  const { dictionary, matcher } = await cliParseContext(options.securities);
  const found = await detectPage(text, options.url, {
    matcher,
    listingsOf: (id) => dictionary.issuerListings(id),
    nameOf: (id) => dictionary.displayName(id),
  });
  print(JSON.stringify({ file, ...found }));
}

/** {@link detectCommand} on a page's text: its subject and the securities the popup would list. */
export async function detectPage(
  html: string,
  url: string | undefined,
  deps: Pick<Parameters<typeof analysePage>[0], 'matcher' | 'listingsOf'> & { nameOf: (id: SecurityId) => string },
) {
  const doc = parsePage(html);
  const analysis = await analysePage({ doc, url: url ?? '', ...deps, reader: new TextReader({ styleOf: declaredStyles(doc) }) });
  const securities = summarisePage(
    analysis.marks.map(({ mention }) => mention),
    analysis.subject,
    deps.nameOf,
  ).map(({ rules, ...rest }) => ({ ...rest, via: rules }));
  return { primary: analysis.subject, securities };
}
