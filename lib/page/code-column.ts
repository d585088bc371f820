/** Column headings of tables that list codes: a bare ticker or six-digit number under one is a code. */
const CODE_HEADING = /^(?:代码|代碼|股票代码|證券代碼|证券代码|代號|symbol|ticker|code|stock code)$/i;

/**
 * Whether a text node is a cell of a code column (its table's heading for that column reads `代码`, `Symbol`,
 * `Ticker` …): the one place a bare code alone in its text means a security. Buttons, tabs and menus are not.
 */
export function isInCodeColumn(node: Text): boolean {
  const cell = node.parentElement?.closest('td, th');
  if (!cell || cell.tagName !== 'TD') return false;
  const row = cell.parentElement;
  const table = row?.closest('table');
  if (!row || !table) return false;
  const column = [...row.children].indexOf(cell);
  const heading = table.querySelector('tr')?.children[column];
  return heading !== undefined && heading !== cell && CODE_HEADING.test(heading.textContent?.trim() ?? '');
}
