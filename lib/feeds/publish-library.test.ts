import { describe, expect, test } from 'vitest';
import type { SecurityIndex } from './library-manifest';
import { buildPublication, reportPath, securityPath, type PublishedReport } from './publish-library';

const report = (n: number, securityIds: string[], date?: string): PublishedReport => ({
  id: String(n).repeat(64).slice(0, 64),
  fileName: n % 2 ? `${n}.md` : `${n}.html`,
  originalText: `text ${n}`,
  title: `R${n}`,
  date,
  securityIds,
});
const a = report(1, ['SH:600519'], '2025-01-01');
const b = report(2, ['SH:600519', 'US:AMZN'], '2025-02-01');
const c = report(3, ['US:AMZN']);

describe('buildPublication', () => {
  const first = buildPublication([a, b], undefined, { title: 'T', asOf: 'now' });
  const previous = { manifest: first.manifest, index: JSON.parse(first.files.get('index/1.json')!) };

  test('version 1: every file, counts, per-security lists newest first', () => {
    expect(first.manifest).toMatchObject({ version: 1, counts: { reports: 2, securities: 2 }, index: 'index/1.json', diffs: [] });
    expect(first.files.get(reportPath(a))).toBe('text 1');
    expect(reportPath(b)).toBe(`reports/${'2'.repeat(64)}.html`);
    const list = JSON.parse(first.files.get(securityPath('SH:600519'))!) as SecurityIndex;
    expect(list.reports.map((r) => r.title)).toEqual(['R2', 'R1']);
    expect(securityPath('SH:600519')).toBe('securities/SH_600519.json');
  });

  test.each([
    ['unchanged', [a, b], { manifest: { version: 1 }, changed: false, added: 0, removed: 0 }],
    ['one added', [a, b, c], { manifest: { version: 2 }, changed: true, added: 1, removed: 0 }],
    ['one removed, one added', [b, c], { manifest: { version: 2 }, changed: true, added: 1, removed: 1 }],
    ['a duplicate is one report', [a, b, a], { manifest: { version: 1 }, changed: false, added: 0, removed: 0 }],
  ])('%s', (_, reports, expected) => {
    const next = buildPublication(reports, previous, { title: 'T', asOf: 'later' });
    expect(next).toMatchObject(expected);
    if (!expected.changed) expect(next.files.get('manifest.json')).toBe(first.files.get('manifest.json'));
    else expect(JSON.parse(next.files.get('diffs/1-2.json')!)).toMatchObject({ from: 1, to: 2 });
  });
});
