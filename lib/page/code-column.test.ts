import { expect, test } from 'vitest';
import { isInCodeColumn } from './code-column';

const firstTextOf = (html: string, selector: string) => {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return doc.querySelector(selector)!.firstChild as Text;
};

test.each([
  ['<table><tr><th>代码</th><th>名称</th></tr><tr><td id="x">600519</td><td>贵州茅台</td></tr></table>', true],
  ['<table><tr><th>Symbol</th><th>Last</th></tr><tr><td id="x">AMZN</td><td>180</td></tr></table>', true],
  ['<table><tr><th>名称</th><th>点击</th></tr><tr><td>某新闻</td><td id="x">123456</td></tr></table>', false],
  ['<table><tr><td id="x">AMZN</td></tr></table>', false],
  ['<nav><button id="x">PRO</button></nav>', false],
])('%s: %s', (html, expected) => {
  expect(isInCodeColumn(firstTextOf(html, '#x'))).toBe(expected);
});
