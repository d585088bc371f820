import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SECURITIES } from '../bundled-securities';
import { buildMaster, type CuratedLayer } from './build-master';
import { CURATED_ADDITIONS, DELISTED_TICKERS, RENAMED_TICKERS } from './curated-additions';
import { encodeMaster } from './master-format';
import { readMasterSources } from './master-sources';
import { NOT_NAMES } from './ordinary-words';
import { MASTER_FILE } from './read-master-file';

/** The public security lists beside the checkout (`../shared/corpus/securities`). */
export const CORPUS_SECURITIES = fileURLToPath(new URL('../../../../shared/corpus/securities', import.meta.url));

/** Our layer: the bundled list and the additions, renamed and delisted tickers, phrases that are not names. */
export const CURATED_LAYER: CuratedLayer = {
  entries: [...BUNDLED_SECURITIES, ...CURATED_ADDITIONS],
  renamed: RENAMED_TICKERS,
  delisted: DELISTED_TICKERS,
  notNames: NOT_NAMES,
};

/** The master file's text as generated from the lists in `corpusSecurities` and our curated layer. */
export function generateMasterText(corpusSecurities = CORPUS_SECURITIES): string {
  return encodeMaster(buildMaster(readMasterSources(corpusSecurities), CURATED_LAYER));
}

/** `npm run master:build`: regenerates public/securities-master.json from ../shared (refuses without it). */
function main(): void {
  if (!existsSync(CORPUS_SECURITIES)) {
    console.error(`securities master: ${CORPUS_SECURITIES} is absent; the committed ${MASTER_FILE} stays as it is`);
    process.exitCode = 1;
    return;
  }
  const text = generateMasterText();
  writeFileSync(MASTER_FILE, text);
  console.log(`securities master: ${MASTER_FILE}, ${(text.length / 1024).toFixed(0)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
