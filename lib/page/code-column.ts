/** Column headings of tables that list codes: a bare ticker or six-digit number under one is a code. */
const CODE_HEADING = /^(?:代码|代碼|股票代码|股票代碼|证券代码|證券代碼|基金代码|代號|symbol|ticker|code|stock code)$/i;

/**
 * Per table, which of its columns are code columns, or `undefined` for a table without a heading row (read once per
 * table: a quote list has thousands of cells).
 */
const codeColumnsOf = new WeakMap<Element, boolean[] | undefined>();

function codeColumns(table: Element): boolean[] | undefined {
  if (codeColumnsOf.has(table)) return codeColumnsOf.get(table);
  const first = table.querySelector('tr');
  if (!first) return undefined;
  const headings = [...first.children].map((cell) => CODE_HEADING.test(cell.textContent?.trim() ?? ''));
  // A heading row is a `thead`'s, one of `th` cells, or a first row of plain cells one of which reads as a code
  // column's heading (`<tr class="head"><td>股票代码</td>…`: Chinese quote lists often head their tables so).
  const headed = first.parentElement?.tagName === 'THEAD' || first.querySelector('th') !== null || headings.includes(true);
  const columns = headed ? headings : undefined;
  codeColumnsOf.set(table, columns);
  return columns;
}

/**
 * Whether a text node is a cell that may hold a code: in a table with a heading row, only a cell of a code column
 * (its heading reads `代码`, `Symbol`, `Ticker` …), so a six-digit click count or a price under another heading is no
 * code; in a table without headings (a bare list of codes and ratings), any data cell, as before. The matcher still
 * counts only codes the securities master lists.
 */
export function isInCodeColumn(node: Text): boolean {
  const cell = node.parentElement?.closest('td, th');
  if (cell?.tagName !== 'TD') return false;
  const row = cell.parentElement;
  const table = row?.closest('table');
  if (!row || !table) return false;
  const columns = codeColumns(table);
  if (!columns) return true;
  return table.querySelector('tr') !== row && columns[[...row.children].indexOf(cell)] === true;
}
