import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON } from '../../../test/support/shared-corpus';
import { isSecurityId, type SecurityId } from '../security-id';
import { generateMasterText } from './build-securities-master';
import { CURATED_ADDITIONS } from './curated-additions';
import type { SecuritiesMaster } from './master-format';
import { MASTER_FILE } from './read-master-file';
import { securitiesMaster } from './securities-master';

/** Reading and weighing every list takes 2-7 s on a shared machine. */
const GENERATE_TIMEOUT_MS = 60_000;

let master: SecuritiesMaster;
let byId: Map<SecurityId, SecuritiesMaster['entries'][number]>;
beforeAll(async () => {
  master = await securitiesMaster();
  byId = new Map(master.entries.map((entry) => [entry.id, entry]));
});

describe('the committed securities master', () => {
  test('every listing once, canonical, with a name to show', () => {
    expect(master.entries.length).toBeGreaterThan(30_000);
    expect(master.entries.filter((entry) => !isSecurityId(entry.id)).map((entry) => entry.id)).toEqual([]);
    expect(new Set(master.entries.map((entry) => entry.id)).size).toBe(master.entries.length);
    expect(master.entries.filter((entry) => !entry.names.length && !entry.display).map((entry) => entry.id)).toEqual([]);
  });

  test.each([
    ['SH', 2000],
    ['SZ', 2500],
    ['BJ', 250],
    ['HK', 2500],
    ['US', 20_000],
  ])('%s listings: at least %i', (market, least) => {
    expect(master.entries.filter((entry) => entry.id.startsWith(`${market}:`)).length).toBeGreaterThanOrEqual(least);
  });

  test('ETFs and REITs are in it: A-share, Hong Kong and US', () => {
    for (const id of ['SH:510300', 'SZ:159915', 'HK:02800', 'HK:00823', 'US:SPY', 'US:KWEB', 'US:O'] as SecurityId[])
      expect(byId.has(id)).toBe(true);
  });

  test('every curated addition is a listing of the master, with its names', () => {
    const missing = CURATED_ADDITIONS.filter((entry) => !entry.names.every((name) => byId.get(entry.id)?.names.includes(name)));
    expect(missing.map((entry) => entry.id)).toEqual([]);
  });

  test('renamed tickers point at listings of the master and are no listing themselves', () => {
    for (const [from, to] of master.renamed) {
      expect(byId.has(to)).toBe(true);
      expect(byId.has(from)).toBe(false);
    }
  });

  test.each([
    ['SH:601398', '工行'],
    ['SH:601318', '平安'],
    ['SZ:000333', '美的'],
    ['SH:600295', '鄂尔多斯'],
    ['SZ:300024', '机器人'],
    ['US:FCX', '自由港'],
    ['US:BX', '黑石'],
    ['US:GLW', '康宁'],
  ])('%s: %s is weak', (id, name) => {
    expect(byId.get(id as SecurityId)?.weak).toContain(name);
  });

  test.each([
    ['US:VRT', '维谛技术'],
    ['US:VRT', '维谛'],
    ['US:FCX', '自由港麦克莫兰'],
    ['US:BX', '黑石集团'],
    ['US:WDC', '西部数据'],
  ])('%s: %s, a curated Chinese name, counts alone', (id, name) => {
    const entry = byId.get(id as SecurityId);
    expect(entry?.names).toContain(name);
    expect(entry?.weak ?? []).not.toContain(name);
  });

  test('A and H shares of one company, and US share classes, are one issuer', () => {
    const issuer = (id: string) => byId.get(id as SecurityId)?.issuer;
    expect(issuer('SH:600874')).toBe(issuer('HK:01065'));
    expect(issuer('SH:601633')).toBe(issuer('HK:02333'));
    expect(issuer('US:GOOG')).toBe(issuer('US:GOOGL'));
    expect(issuer('SH:600874')).toBeDefined();
  });
});

describe.skipIf(!SHARED_AVAILABLE)(
  `the committed master is what the script makes (${SHARED_AVAILABLE ? 'lists present' : SHARED_MISSING_REASON})`,
  () => {
    test(
      'public/securities-master.json equals a fresh run of npm run master:build',
      () => {
        expect(readFileSync(MASTER_FILE, 'utf8') === generateMasterText()).toBe(true);
      },
      GENERATE_TIMEOUT_MS,
    );
  },
);
