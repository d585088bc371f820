import { afterEach, beforeEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from './database';
import { indexReportNames, nameIndexOf, reportsPossiblyNaming, SLICE_REPORTS } from './reports-naming-index';

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`naming-index-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const NAMES = ['光迅星科', '源杰光电', '太辰精光'];
/** Report `i` names `NAMES[i % 3]` when `i % 7 === 0`; the rest is shared prose. */
const report = (i: number) => ({
  id: `r${String(i).padStart(6, '0')}`,
  originalText: `# 周报 ${i}\n行业景气度回升，订单饱满。${i % 7 === 0 ? `${NAMES[i % 3]}需求旺盛。` : ''}`,
});
const naming = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => report(i))
    .filter((r) => r.originalText.includes(name))
    .map((r) => r.id)
    .sort();
const index = (reports: { id: string; originalText: string }[]) =>
  db.transaction('rw', db.nameSlices, db.nameBits, () => indexReportNames(nameIndexOf(db), reports));

test.each([
  ['one write', [SLICE_REPORTS + 300]],
  ['many small writes into the last slice, across a slice boundary', [1, 2, SLICE_REPORTS - 5, 10, 292]],
])('the candidates of a name are exactly the reports naming it (%s)', async (_label, writes) => {
  let at = 0;
  for (const count of writes) {
    await index(Array.from({ length: count }, (_, k) => report(at + k)));
    at += count;
  }
  expect(await db.nameSlices.count()).toBe(2);
  for (const name of NAMES) expect([...(await reportsPossiblyNaming(db, [name]))!].sort()).toEqual(naming(name, at));
  expect([...(await reportsPossiblyNaming(db, NAMES.slice(0, 2)))!].sort()).toEqual(
    [...naming(NAMES[0]!, at), ...naming(NAMES[1]!, at)].sort(),
  );
  expect(await reportsPossiblyNaming(db, ['仕佳光芯'])).toEqual(new Set());
});

test('a one-character name cannot be looked up: undefined, the caller reads every report', async () => {
  await index([report(0)]);
  expect(await reportsPossiblyNaming(db, ['光迅星科', '茅'])).toBeUndefined();
  expect(await reportsPossiblyNaming(db, [])).toEqual(new Set());
});
