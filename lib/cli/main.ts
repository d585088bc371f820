/**
 * The command line for archive maintainers and our own checks (`npm run --silent cli -- …`):
 *   inspect PATH [--securities LIST]            one JSON object per report or failure
 *   detect FILE.html [--url URL] [--securities LIST]   one JSON object: the page's securities
 *   pull URL [--state FILE] [--securities LIST]  new reports of a feed or library, then a status line
 *   publish DIR OUT [--title T] [--securities LIST]  writes a static library (manifest, reports, indexes, diffs)
 *   related PATH --security ID [--securities LIST] [--limit N]   one JSON object per report, in card order
 * Runs the same code as the extension, with linkedom standing in for the browser's DOMParser.
 */
import { DOMParser } from 'linkedom';
import { parseArgs } from 'node:util';
import { detectCommand } from './detect-command';
import { inspectCommand } from './inspect-command';
import { publishCommand } from './publish-command';
import { pullCommand } from './pull-command';
import { relatedCommand } from './related-command';
import { readMasterFromDisk } from '../securities/master/read-master-file';

globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
readMasterFromDisk();

const USAGE = [
  'usage: cli inspect PATH [--securities LIST]',
  '       cli detect FILE.html [--url URL] [--securities LIST]',
  '       cli pull URL [--state FILE] [--securities LIST]',
  '       cli publish DIR OUT [--title TITLE] [--securities LIST]',
  '       cli related PATH --security ID [--securities LIST] [--limit N]',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      securities: { type: 'string' },
      url: { type: 'string' },
      state: { type: 'string' },
      title: { type: 'string' },
      security: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, path, out] = positionals;
  if (values.help || !command || !path) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (command === 'inspect') await inspectCommand(path, values.securities, print);
    else if (command === 'pull') await pullCommand(path, { state: values.state, securities: values.securities }, print);
    else if (command === 'publish' && out) await publishCommand(path, out, { title: values.title, securities: values.securities }, print);
    else if (command === 'detect') await detectCommand(path, { url: values.url, securities: values.securities }, print);
    else if (command === 'related') {
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (!values.security || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
        console.error(`related needs --security ID and, if given, a positive whole --limit\n${USAGE}`);
        return 2;
      }
      await relatedCommand(path, { security: values.security, securities: values.securities, limit }, print);
    } else {
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
