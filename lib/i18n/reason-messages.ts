import type { UiLocale } from './translate';

/**
 * Why a file, an archive entry, a list or a feed was refused, in Chinese. The reasons are written in English where
 * they arise (`lib/import`, `lib/pdf`, `lib/feeds` … run in Node too, and the CLI prints them), so the library page
 * translates them when it shows them: each English template, `{name}` standing for a part that varies, beside its
 * Chinese. A `{reason}` part is itself a reason and is translated in turn; other parts (file names, sizes, addresses,
 * the browser's own error text in `{detail}`) are kept as they are. A reason no template matches is shown as written.
 */
const REASONS_ZH: readonly (readonly [en: string, zh: string])[] = [
  // Files and archive entries (lib/import).
  [
    'not a report file (expected .md, .html, .txt, .pdf, a .zip of them, or a ReportLens backup .json)',
    '不是研报文件（应为 .md、.html、.txt、.pdf、它们的 .zip 压缩包，或 ReportLens 备份 .json）',
  ],
  ['the file is {size}; the limit for a backup is {limit}', '文件大小为 {size}，备份的上限是 {limit}'],
  ['the file is {size}; the limit is {limit}', '文件大小为 {size}，上限是 {limit}'],
  ['the file is empty', '文件是空的'],
  ['the file has no text', '文件中没有正文'],
  ['skipped: {reason}', '已跳过：{reason}'],
  ['its name contains a NUL character', '文件名含有 NUL 字符'],
  ['its name is an absolute path', '文件名是绝对路径'],
  ['its name climbs out of the archive (`..`)', '文件名指向压缩包之外（`..`）'],
  ['archives inside archives are not read; unzip it first', '不读取压缩包中的压缩包，请先解压'],
  ["the archive's directory does not list it (corrupt)", '压缩包目录中没有这个文件（已损坏）'],
  ['the entry is encrypted (password-protected zips are not read)', '该文件已加密（不读取带密码的压缩包）'],
  ['unsupported compression method {method}', '不支持的压缩方式 {method}'],
  ['cannot be inflated ({detail}); encrypted or corrupt', '无法解压（{detail}）：已加密或已损坏'],
  ['inflates to more than {limit}, the limit for one file', '解压后超过 {limit}，即单个文件的上限'],
  ['its checksum (CRC-32) does not match: the entry is corrupt', '校验和（CRC-32）不符：该文件已损坏'],
  ['the archive is empty', '压缩包是空的'],
  ['not a zip archive (it does not start with a zip header)', '不是 zip 压缩包（开头没有 zip 文件头）'],
  ['the archive is corrupt or truncated: its end record is missing', '压缩包已损坏或不完整：缺少结束记录'],
  ['the archive is corrupt: its Zip64 end record is missing', '压缩包已损坏：缺少 Zip64 结束记录'],
  ['the archive has more than {limit} entries', '压缩包中的文件超过 {limit} 个'],
  ['the archive is corrupt or truncated: its directory lies outside the file', '压缩包已损坏或不完整：目录位于文件之外'],
  ['the archive is corrupt: its directory holds something other than entries', '压缩包已损坏：目录中有非文件条目'],
  ['the archive is corrupt: a directory entry runs past its end', '压缩包已损坏：目录条目越过了目录末尾'],
  ['the archive is corrupt: its directory lists fewer entries than it says', '压缩包已损坏：目录列出的文件少于它声明的数量'],
  ['the archive is corrupt or truncated ({detail})', '压缩包已损坏或不完整（{detail}）'],
  ['the archive is truncated: it ends in the middle of an entry', '压缩包不完整：在某个文件中间结束'],
  ['the drop holds more than {limit} files; zip the folder and import the zip', '拖入的文件超过 {limit} 个：请把文件夹压缩成 zip 后导入'],
  // Encodings (lib/import/decode-text.ts).
  [
    'the file mixes encodings: most of it is UTF-8 but some of it is not (save it again as UTF-8)',
    '文件混用了多种编码：大部分是 UTF-8，但有一部分不是（请另存为 UTF-8）',
  ],
  ['the text is neither UTF-8, UTF-16 nor GB18030', '文本既不是 UTF-8、UTF-16，也不是 GB18030'],
  ['the file is not valid {encoding} text', '文件不是有效的 {encoding} 文本'],
  ['the file is binary, not {encoding} text', '文件是二进制数据，不是 {encoding} 文本'],
  // The YAML library's own words are English; where it says the place, the place is enough.
  [
    'front matter is not valid YAML: {detail} at line {line}, column {column}:',
    'front matter 不是有效的 YAML（第 {line} 行第 {column} 列）',
  ],
  [
    'front matter is not valid YAML: {detail} at line {line}, column {column}',
    'front matter 不是有效的 YAML（第 {line} 行第 {column} 列）',
  ],
  ['front matter is not valid YAML: {detail}', 'front matter 不是有效的 YAML：{detail}'],
  // PDFs (lib/pdf/read-pdf.ts).
  [
    'the PDF is encrypted (password-protected): open it, print it to a PDF without a password, and import that',
    'PDF 已加密（有密码）：请打开它，打印成不带密码的 PDF，再导入',
  ],
  ['the file is not a readable PDF (malformed or not a PDF at all)', '文件不是可读取的 PDF（格式错误，或根本不是 PDF）'],
  ['the PDF could not be read ({detail})', '无法读取这个 PDF（{detail}）'],
  ['the PDF could not be read', '无法读取这个 PDF'],
  ['the PDF is built too deeply nested to read (a malformed or hostile file)', 'PDF 嵌套过深，无法读取（格式错误或恶意文件）'],
  ['the file is not a PDF (no %PDF- header)', '文件不是 PDF（没有 %PDF- 文件头）'],
  ['the PDF is truncated (it has no end-of-file marker): download it again', 'PDF 不完整（没有文件结束标记）：请重新下载'],
  ['reading the PDF took longer than {seconds} s; it was stopped', '读取 PDF 超过 {seconds} 秒，已停止'],
  ['the PDF has {n} pages; the limit is {limit}', 'PDF 有 {n} 页，上限是 {limit} 页'],
  ['the PDF holds more than {limit} characters of text', 'PDF 的文字超过 {limit} 个字符'],
  [
    'the PDF has no text layer (a scanned image?): ReportLens reads text, it does not do OCR',
    'PDF 没有文字层（扫描图片？）：ReportLens 只读取文字，不做文字识别（OCR）',
  ],
  ['PDFs cannot be read here', '这里无法读取 PDF'],
  // Backups (lib/import/library-backup.ts, backup-zip.ts).
  ['not valid JSON: {detail}', '不是有效的 JSON：{detail}'],
  ['not a ReportLens backup (no "format": "reportlens-backup")', '不是 ReportLens 备份（没有 "format": "reportlens-backup"）'],
  [
    'backup version {version} is not supported (this version reads {supported})',
    '不支持第 {version} 版备份（当前版本读取第 {supported} 版）',
  ],
  ['the backup lists {n} reports; the limit is {limit}', '备份列出 {n} 篇研报，上限是 {limit} 篇'],
  ['the backup lists {n} aliases; the limit is {limit}', '备份列出 {n} 个别名，上限是 {limit} 个'],
  ['the backup lists {n} blocks; the limit is {limit}', '备份列出 {n} 个屏蔽名称，上限是 {limit} 个'],
  ['the backup is malformed: {detail}', '备份格式错误：{detail}'],
  ['the manifest is not valid JSON: {detail}', '备份清单不是有效的 JSON：{detail}'],
  ['the manifest is malformed: {detail}', '备份清单格式错误：{detail}'],
  ['not a part of a ReportLens backup', '不是 ReportLens 备份的组成部分'],
  ['line {line} is not valid JSON: {detail}', '第 {line} 行不是有效的 JSON：{detail}'],
  ['line {line} is malformed: {detail}', '第 {line} 行格式错误：{detail}'],
  // Reading reports again, writing the batch (lib/import).
  ['not read again for new names: {reason}', '未能按新名称重新读取：{reason}'],
  ['not read again for blocks: {reason}', '未能按屏蔽名称重新读取：{reason}'],
  ['read again for a name learned later: {reason}', '按后来学到的名称重新读取时：{reason}'],
  [
    'Browser storage is full: nothing from this import was written and the library is unchanged ({detail}). Free disk space or delete reports you no longer need, then import again.',
    '浏览器存储空间已满：本次导入没有写入任何内容，研报库保持原样（{detail}）。请释放磁盘空间或删除不再需要的研报，然后重新导入。',
  ],
  [
    'The library could not be written: nothing from this import was written and the library is unchanged ({detail}).',
    '无法写入研报库：本次导入没有写入任何内容，研报库保持原样（{detail}）。',
  ],
  // What stands in a failure's file column when no one file failed (lib/import).
  ['(reports already in the library)', '（库中已有的研报）'],
  ['(reports naming a blocked name)', '（提到已屏蔽名称的研报）'],
  ['(import)', '（本次导入）'],
  // Security lists (lib/securities/security-lists.ts) and aliases.
  ['the list is not valid JSON: {detail}', '列表不是有效的 JSON：{detail}'],
  ['a JSON list must be an array', 'JSON 列表必须是数组'],
  ['the list has {n} rows; the limit is {limit}', '列表有 {n} 行，上限是 {limit} 行'],
  [
    'no security in the list (expected stocks.index.json, the HKEX list, a NASDAQ Trader file, or code,name,aliases)',
    '列表中没有证券（应为 stocks.index.json、港交所证券列表、NASDAQ Trader 文件，或 code,name,aliases）',
  ],
  ['An alias needs a name.', '别名不能为空。'],
  ['A block needs a name.', '屏蔽的名称不能为空。'],
  ['The alias {alias} is no longer in the library.', '别名 {alias} 已不在研报库中。'],
  // Feeds (lib/feeds).
  ['{url} is not a web address', '{url} 不是网址'],
  ['{url} is already followed', '已经订阅了 {url}'],
  ['{url} is not an http(s) address', '{url} 不是 http(s) 网址'],
  ['{url} carries credentials; subscribe without them', '{url} 带有用户名或密码：请去掉后再订阅'],
  ['{url} could not be reached: {detail}', '无法访问 {url}：{detail}'],
  ['{url} answers with a redirect; subscribe to the address it leads to', '{url} 返回重定向：请订阅它指向的地址'],
  ['{url} answers {status} without a Location', '{url} 返回 {status}，但没有 Location'],
  ['{url} answers HTTP {status}', '{url} 返回 HTTP {status}'],
  ['{url} redirects more than {limit} times', '{url} 重定向超过 {limit} 次'],
  ['{url} is larger than {limit}; refused', '{url} 大于 {limit}，已拒绝'],
  [
    'the feed redirects to {url} is on another origin than {origin}; nothing is fetched from there',
    '订阅源重定向到的 {url} 与 {origin} 不同源：不从那里读取任何内容',
  ],
  [
    'the address {url} is on another origin than {origin}; nothing is fetched from there',
    '地址 {url} 与 {origin} 不同源：不从那里读取任何内容',
  ],
  [
    '{url} is served as {type}, not a feed (Atom, RSS, JSON Feed or a library manifest)',
    '{url} 的类型是 {type}，不是订阅源（Atom、RSS、JSON Feed 或研报库清单）',
  ],
  ['{url} is served as {type} and reads as neither XML nor JSON: not a feed', '{url} 的类型是 {type}，既不是 XML 也不是 JSON：不是订阅源'],
  ['{url} is not valid JSON: {detail}', '{url} 不是有效的 JSON：{detail}'],
  ['{url} is a broken library manifest: {detail}', '{url} 是损坏的研报库清单：{detail}'],
  ['not a JSON Feed: {detail}', '不是 JSON Feed：{detail}'],
  ['JSON Feed item {n}: {detail}', 'JSON Feed 第 {n} 项：{detail}'],
  ['the feed lists {n} entries on one page; the limit is {limit}', '订阅源一页列出 {n} 条，上限是 {limit} 条'],
  [
    'the feed declares XML entities (<!ENTITY>), which feeds never need; refused (entity expansion)',
    '订阅源声明了 XML 实体（<!ENTITY>），订阅源从不需要它：已拒绝（实体展开）',
  ],
  ['the feed is not well-formed XML: {detail} (line {line})', '订阅源不是格式正确的 XML：{detail}（第 {line} 行）'],
  ['the feed could not be read as XML: {detail}', '无法把订阅源读取为 XML：{detail}'],
  [
    'the XML is neither an Atom feed (<feed>) nor an RSS 2.0 feed (<rss><channel>)',
    '这个 XML 既不是 Atom 订阅源（<feed>）也不是 RSS 2.0 订阅源（<rss><channel>）',
  ],
  ["the feed's pages loop back to {url}", '订阅源的分页循环回到 {url}'],
  ["the feed's pages go on past {limit}; refused (endless pagination)", '订阅源的分页超过 {limit} 页：已拒绝（无尽分页）'],
  ['the next page {url} is not a feed page', '下一页 {url} 不是订阅源页面'],
  ['{path} does not match its content hash; the library is refused', '{path} 与其内容哈希不符：拒绝该研报库'],
  ['the entry has neither an id nor a link', '该条目既没有 id 也没有链接'],
  ['the entry has no content and no link', '该条目既没有内容也没有链接'],
  ['its content is on another origin ({origin}); not fetched', '它的内容在另一个源（{origin}）：未读取'],
  ['its page is {type}, not a report', '它的页面类型是 {type}，不是研报'],
  ['its date "{date}" is not a date; stored undated', '它的日期「{date}」不是日期：按无日期保存'],
  ['“{input}” is not a web address', '「{input}」不是网址'],
  ['neither DOMParser nor the offscreen API is available', 'DOMParser 和 offscreen API 都不可用'],
];

/** `{name}` in a template. */
const PLACEHOLDER = /\{(\w+)\}/g;

interface CompiledReason {
  pattern: RegExp;
  names: string[];
  zh: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each English template as an anchored pattern, its parts as lazy groups. */
const COMPILED: readonly CompiledReason[] = REASONS_ZH.map(([en, zh]) => {
  const names: string[] = [];
  const parts = en.split(PLACEHOLDER);
  const source = parts.map((part, i) => (i % 2 ? (names.push(part), '([\\s\\S]+?)') : escapeRegExp(part))).join('');
  return { pattern: new RegExp(`^${source}$`), names, zh };
});

/** A reason in the page's language: English as written; Chinese through the table, untranslated when none matches. */
export function localReason(reason: string, locale: UiLocale): string {
  if (locale === 'en') return reason;
  for (const { pattern, names, zh } of COMPILED) {
    const match = pattern.exec(reason);
    if (!match) continue;
    const values = new Map(names.map((name, i) => [name, match[i + 1]!]));
    return zh.replace(PLACEHOLDER, (_, name: string) => {
      const value = values.get(name) ?? '';
      return name === 'reason' ? localReason(value, locale) : value;
    });
  }
  return reason;
}

/** The English templates, for tests that check every reason a real import gives has its Chinese. */
export const REASON_TEMPLATES: readonly string[] = REASONS_ZH.map(([en]) => en);
