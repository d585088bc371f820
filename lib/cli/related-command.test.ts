import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { relatedCommand } from './related-command';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/reports/', import.meta.url));
const run = async (path: string, security: string, limit?: number) => {
  const lines: string[] = [];
  await relatedCommand(path, { security, limit }, (line) => lines.push(line));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('cli related', () => {
  test('one JSON line per report with the card fields, the passage naming the security', async () => {
    const rows = await run(FIXTURES, '9988.HK');
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(['file', 'id', 'title', 'date', 'score', 'about', 'passage', 'risks']);
    expect(rows[0]!.file).toMatch(/alibaba-q3-note\.md$/);
    expect(rows[0]!.passage).toMatch(/阿里|Alibaba|9988|BABA/i);
  });

  test('a spelling that is no security is refused with the reason', async () => {
    await expect(run(FIXTURES, 'not a code!')).rejects.toThrow(/no security id/);
  });

  test.skipIf(!SHARED_AVAILABLE)(
    `gator reports: 贵州茅台's first three are reports about it (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
    async () => {
      const rows = await run(sharedPath('corpus', 'reports', 'gator-reports'), 'SH:600519', 3);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row.passage).toMatch(/茅台/);
      expect(rows.filter((row) => row.about).length).toBeGreaterThanOrEqual(1);
    },
    60_000,
  ); // importing 284 real posts in memory takes seconds on a shared machine
});
