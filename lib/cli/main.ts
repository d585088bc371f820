/**
 * The command line for archive maintainers and our own checks (`npm run --silent cli -- …`):
 *   inspect PATH [--securities LIST]            one JSON object per report or failure
 *   detect FILE.html [--url URL] [--securities LIST]   one JSON object: the page's securities
 * Runs the same code as the extension, with linkedom standing in for the browser's DOMParser.
 */
import { DOMParser } from 'linkedom';
import { parseArgs } from 'node:util';
import { detectCommand } from './detect-command';
import { inspectCommand } from './inspect-command';
import { readMasterFromDisk } from '../securities/master/read-master-file';

globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
readMasterFromDisk();

const USAGE = 'usage: cli inspect PATH [--securities LIST]\n       cli detect FILE.html [--url URL] [--securities LIST]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { securities: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, path] = positionals;
  if (values.help || !command || !path) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (command === 'inspect') await inspectCommand(path, values.securities, print);
    else if (command === 'detect') await detectCommand(path, { url: values.url, securities: values.securities }, print);
    else {
      console.error(`unknown command ${command}\n${USAGE}`);
      return 2;
    }
    return 0;
  } catch (error) {
    console.error(`${path}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
