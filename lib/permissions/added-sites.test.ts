import { expect, test } from 'vitest';
import { siteDomain, sitePattern } from './added-sites';

test.each([
  ['example.com', 'example.com'],
  ['  Example.COM ', 'example.com'],
  ['https://www.example.com/quotes?x=1', 'example.com'],
  ['http://localhost:8080/some/page', 'localhost'],
  ['*.example.com', 'example.com'],
  ['finance.example.co.uk', 'finance.example.co.uk'],
])('the site of %j is %j', (input, domain) => {
  expect(siteDomain(input)).toBe(domain);
  expect(sitePattern(domain)).toBe(`*://*.${domain}/*`);
});

test.each(['', 'not a site!', 'javascript:alert(1)', '*', '-bad-.com', 'a..b'])('%j is no site', (input) => {
  expect(siteDomain(input)).toBeUndefined();
});
