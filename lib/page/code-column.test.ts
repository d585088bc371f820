import { expect, test } from 'vitest';
import { isInCodeColumn } from './code-column';
import { isCodeSlot } from './visible-text-nodes';

const firstTextOf = (html: string, selector: string) => {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return doc.querySelector(selector)!.firstChild as Text;
};

test.each([
  ['<table><tr><th>代码</th><th>名称</th></tr><tr><td id="x">600519</td><td>贵州茅台</td></tr></table>', true],
  ['<table><tr><th>Symbol</th><th>Last</th></tr><tr><td id="x">AMZN</td><td>180</td></tr></table>', true],
  ['<table><tr><th>名称</th><th>点击</th></tr><tr><td>某新闻</td><td id="x">123456</td></tr></table>', false],
  ['<table><tr><td id="x">AMZN</td></tr></table>', true],
  ['<nav><button id="x">PRO</button></nav>', false],
  // A heading row of plain cells: the code column is told by its heading, and the other columns are no code slot.
  ['<table><tr class="head"><td>股票代码</td><td>点击</td></tr><tr><td id="x">600053</td><td>1</td></tr></table>', true],
  ['<table><tr class="head"><td>股票代码</td><td>点击</td></tr><tr><td>600053</td><td id="x">123456</td></tr></table>', false],
])('%s: %s', (html, expected) => {
  expect(isInCodeColumn(firstTextOf(html, '#x'))).toBe(expected);
});

test('a ranking table: a six-digit click count alone in its cell is no code slot, a code column is', () => {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body><table><thead><tr><th>排名</th><th>标题</th><th>点击</th></tr></thead>
     <tbody><tr><td>1</td><td>某新闻</td><td id="clicks">600519</td></tr></tbody></table>
     <table><tr><th>代码</th><th>名称</th></tr><tr><td id="code"><span>600519</span></td><td>贵州茅台</td></tr></table></body>`,
    'text/html',
  );
  expect(isCodeSlot(doc.querySelector('#clicks')!.firstChild as Text)).toBe(false);
  expect(isCodeSlot(doc.querySelector('#code span')!.firstChild as Text)).toBe(true);
});

test("a code linked to the site's search page in a code column is a code slot; the same link in prose is not", () => {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body><table><tr class="head"><td>股票代码</td><td>股票名称</td><td>点击</td></tr>
     <tr><td><a id="code" href="http://example.com/lookup.php?q=sh600053">600053</a></td>
     <td><a href="http://example.com/lookup.php?q=sh600053">九鼎投资</a></td><td><a id="clicks" href="/x">600519</a></td></tr></table>
     <p>阅读 <a id="prose" href="http://example.com/lookup.php?q=sh600053">600053</a> 次</p></body>`,
    'text/html',
  );
  expect(isCodeSlot(doc.querySelector('#code')!.firstChild as Text)).toBe(true);
  expect(isCodeSlot(doc.querySelector('#clicks')!.firstChild as Text)).toBe(false);
  expect(isCodeSlot(doc.querySelector('#prose')!.firstChild as Text)).toBe(false);
});
