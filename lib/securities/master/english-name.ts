/**
 * What a listing's security name says beyond the company: the kind of share and its terms (`Common Stock`,
 * `Class A Ordinary Shares`, `American Depositary Shares each representing …`). Everything from the first of these on
 * is dropped.
 */
const SHARE_KIND =
  /(?<!\s)\s+(?:-\s+|,\s*)?(?:(?:New |Series [A-Z] |Class [A-Z] |Spon\w* )*(?:Common Stock|Capital Stock|Ordinary Shares?|Subordinate Voting Shares|American Depositary (?:Shares|Receipts?)|ADS|ADR|Shares of Beneficial Interest|Common Shares|Units?|Warrants?|Rights?)|Class [A-Z]\b)(?![\p{L}\p{N}]).*$/u;
/**
 * Depositary notes the lists write after a foreign company's name: `Sumitomo Mitsui Financial Group Inc Unsponsored`,
 * `Accor Sponsored France`, `UBS Group AG Registered`: from the note on, nothing is the company's name.
 */
const DEPOSITARY_NOTE = /(?<!\s)\s+(?:(?:Un)?[Ss]pons\w*\b.*|Registered(?: Shares)?)$/;
/** `Company (The)`: the article NASDAQ Trader moves to the end. */
const TRAILING_ARTICLE = /(?<!\s)\s*\(The\)$/;
/** Legal forms people leave out when they write a company's name. */
const LEGAL_FORM =
  /(?<![\s,])(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|N\.V\.|S\.A\.(?:B\. de C\.V\.)?|SA|AG|SE|L\.P\.|LP|LLC|L\.L\.C\.|Holding Limited|Ltd))+\.?$/;
/**
 * Words after which a name still reads whole when dropped, as people shorten it: `T. Rowe Price Group` → `T. Rowe
 * Price`, `Mitsubishi UFJ Financial Group` → `Mitsubishi UFJ`, `Taiwan Semiconductor Manufacturing` → `Taiwan
 * Semiconductor`, `Philip Morris International` → `Philip Morris`. (`Spon…`: the lists also write `Sponosred ADR`.)
 */
const GROUP_WORDS = [/(?<!\s)\s+(?:Group|Holdings?|Manufacturing|International|Industries)$/, /(?<!\s)\s+Financial Group$/];
/** Upper-case list names abbreviate and carry trading notes: `NUTANIX CL.A`, `NOKIA SPN.ADR 1:1`, `AAREAL BANK N (OTC)`. */
const LIST_NOTE = /(?<!\s)\s+(?:\(OTC\)|CL\.?\s?[A-Z]|SPN\.?ADR.*|ADR.*|'[A-Z]'|[A-Z]|N)$/;

/** Words that stay upper case when an upper-case list name is given ordinary case. */
const KEEP_UPPER = new Set(['ETF', 'REIT', 'USA', 'US', 'UK', 'AI', 'II', 'III', 'IV', 'S&P', 'ADR', 'HK', 'CHINA A']);

/** `FORD MOTOR` → `Ford Motor`: upper-case list names in the case prose uses, initialisms of three letters or fewer kept. */
export function titleCase(name: string): string {
  return name.toLowerCase().replace(/[\p{L}\p{N}&.']+/gu, (word) => {
    const upper = word.toUpperCase();
    if (KEEP_UPPER.has(upper) || (!/[aeiouy]/i.test(word) && word.length <= 4)) return upper;
    return word[0]!.toUpperCase() + word.slice(1);
  });
}

/**
 * A listed security name as people write it: the share kind (`Common Stock`, `Class A`, `ADS` …) and the legal form
 * (`Inc.`, `Corporation`, `plc` …) dropped, `&` kept; upper-case list names given ordinary case. Returns the written
 * forms, longest first: `T. Rowe Price Group, Inc. - Common Stock` → `T. Rowe Price Group`, `T. Rowe Price`. ETF and
 * fund names are returned whole (their words are what tells one fund from another).
 */
export function writtenEnglishNames(listed: string): string[] {
  let name = listed.replace(/\s+/g, ' ').trim();
  if (/\b(?:ETF|ETN|Fund|Trust)\b/.test(name) && !/\bCommon Stock\b/.test(name)) return name ? [name] : [];
  if (name === name.toUpperCase()) {
    name = name.replace(/(?<!\s)\s*\((?:OTC|NAS|ASE|NYS)\)/g, '');
    for (let before = ''; before !== name;) [before, name] = [name, name.replace(LIST_NOTE, '')];
    name = titleCase(name);
  }
  name = name.replace(SHARE_KIND, '').replace(DEPOSITARY_NOTE, '').replace(TRAILING_ARTICLE, '');
  for (let before = ''; before !== name;) [before, name] = [name, name.replace(LEGAL_FORM, '').replace(/(?<![\s,-])[\s,-]+$/, '')];
  if (!name) return [];
  const forms = [name];
  for (const words of GROUP_WORDS) {
    const shorter = name.replace(words, '');
    // `Nasdaq Group` → `Nasdaq` would be one word; a one-word short form says too little to be a name of its own.
    if (shorter !== name && /\s/.test(shorter) && !forms.includes(shorter)) forms.push(shorter);
  }
  return forms;
}
