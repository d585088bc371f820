import type { SecurityId } from '../securities/security-id';

/** A list needs this many rows naming one security each to make a list page (a ratings table, a watch list). */
export const LIST_MIN_ROWS = 5;
/** Rows of a list: table rows and list items. */
const ROW = 'tr,li';

/**
 * The securities a page lists one per row, in row order, when some table or list has at least
 * {@link LIST_MIN_ROWS} rows that each name exactly one security (a broker-ratings table, a portfolio, a screener):
 * such a page is about its rows. Empty when no list qualifies; the longest list wins.
 */
export function listedSecurities(marks: Iterable<{ node: Node; id: SecurityId }>): SecurityId[] {
  const rows = new Map<Element, Set<SecurityId>>();
  for (const { node, id } of marks) {
    const row = node.parentElement?.closest(ROW);
    if (!row) continue;
    const ids = rows.get(row) ?? new Set();
    ids.add(id);
    rows.set(row, ids);
  }
  const lists = new Map<Node, SecurityId[]>();
  for (const [row, ids] of rows) {
    if (ids.size !== 1 || !row.parentNode) continue;
    const list = lists.get(row.parentNode) ?? [];
    list.push(ids.values().next().value!);
    lists.set(row.parentNode, list);
  }
  const longest = [...lists.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return longest.length >= LIST_MIN_ROWS ? [...new Set(longest)] : [];
}
