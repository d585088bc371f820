import { expect, test } from 'vitest';
import { titleCase, writtenEnglishNames } from './english-name';

test.each([
  ['T. Rowe Price Group, Inc. - Common Stock', ['T. Rowe Price Group', 'T. Rowe Price']],
  ['Nutanix, Inc. - Class A Common Stock', ['Nutanix']],
  ['NUTANIX CL.A', ['Nutanix']],
  ['Ford Motor Company Common Stock', ['Ford Motor']],
  ['Coca-Cola Company (The) Common Stock', ['Coca-Cola']],
  ['Nokia Corporation Sponsored American Depositary Shares', ['Nokia']],
  ['NOKIA SPN.ADR 1:1', ['Nokia']],
  ['Alibaba Group Holding Limited American Depositary Shares each representing eight Ordinary share', ['Alibaba Group']],
  ['AT&T Inc.', ['AT&T']],
  ['United Parks & Resorts Inc. Common Stock', ['United Parks & Resorts']],
  ['American Airlines Group, Inc. - Common Stock', ['American Airlines Group', 'American Airlines']],
  ['Bank of America Corporation Common Stock', ['Bank of America']],
  ["ALPHABET 'C'", ['Alphabet']],
  ['META PLATFORMS A', ['Meta Platforms']],
  ['AAREAL BANK N (OTC)', ['Aareal Bank']],
  ['iShares Floating Rate Bond ETF', ['iShares Floating Rate Bond ETF']],
  ['Nasdaq, Inc. - Common Stock', ['Nasdaq']],
  ['Taiwan Semiconductor Manufacturing Company Ltd.', ['Taiwan Semiconductor Manufacturing', 'Taiwan Semiconductor']],
  ['Mitsubishi UFJ Financial Group, Inc. Common Stock', ['Mitsubishi UFJ Financial Group', 'Mitsubishi UFJ Financial', 'Mitsubishi UFJ']],
  ['Citizens Financial Group, Inc. Common Stock', ['Citizens Financial Group', 'Citizens Financial']],
  ['Mizuho Financial Group, Inc. Sponosred ADR (Japan)', ['Mizuho Financial Group', 'Mizuho Financial']],
  ['Philip Morris International Inc Common Stock', ['Philip Morris International', 'Philip Morris']],
  ['Sumitomo Mitsui Financial Group Inc Unsponsored', ['Sumitomo Mitsui Financial Group', 'Sumitomo Mitsui Financial', 'Sumitomo Mitsui']],
  ['UBS Group AG Registered', ['UBS Group']],
  ['Accor Sponsored France', ['Accor']],
  ['', []],
])('%s → %j', (listed, written) => {
  expect(writtenEnglishNames(listed)).toEqual(written);
});

test.each([
  ['FORD MOTOR', 'Ford Motor'],
  ['HK & CHINA GAS', 'HK & China Gas'],
  ['CKH HOLDINGS', 'CKH Holdings'],
])('titleCase %s', (upper, written) => {
  expect(titleCase(upper)).toBe(written);
});
