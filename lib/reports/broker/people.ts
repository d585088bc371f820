import { at, type Located, type SourceLine } from './located';

/** An analyst and their registration number with the Securities Association of China (`S` + 13 digits), if given. */
export interface Analyst {
  name: string;
  license: string | null;
}

/** An SAC registration number: `S` and 13 digits, not part of a longer code. */
const LICENSE = /(?<![A-Za-z0-9])S\d{13}(?!\d)/g;
/** Words around a licence that are not a name. */
const NOT_A_NAME =
  /^(?:分析师|研究员|研究助理|联系人|证券分析师|执业证书编号|执业证书|证书编号|登记编号|执业编号|编号|邮箱|电话|首席|行业|公司|资格|证书|投资咨询|投资评级)$/;
/** A Chinese personal name: two to four Han characters (a surname and a given name). */
const ZH_NAME = /[\u4e00-\u9fa5]{2,4}/g;
/** A Latin name in an analyst box: two or three capitalised words, no digits. */
const EN_NAME = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]*\.?){1,2}$/;
/** A line that opens an analyst list: `分析师`, `Analysts`, `分析师：张三、李四`. */
const ANALYST_LABEL = /^(?:#+\s*)?(?:证券)?(?:分析师|研究员|analysts?|research analysts?)\s*[:：]?\s*(.*)$/i;

const nameBefore = (text: string): string | undefined => {
  const names = [...text.matchAll(ZH_NAME)].map((m) => m[0]).filter((word) => !NOT_A_NAME.test(word));
  return names.at(-1)?.replace(/^(?:分析师|研究员)/, '');
};

/**
 * Analysts with their licences: each `S` + 13 digits and the name nearest before it on its line (`分析师：李明远（执业
 * 证书编号：S1230520080003）`) or on the line above (an analyst box: the name, then `执业证书编号：…`); without licences,
 * the names under an `Analysts` label or after `分析师：`.
 */
export function findAnalysts(lines: readonly SourceLine[]): Located<Analyst>[] {
  const analysts: Located<Analyst>[] = [];
  const seen = new Set<string>();
  const add = (name: string, license: string | null, line: SourceLine) => {
    const key = license ?? name;
    if (seen.has(key)) return;
    seen.add(key);
    analysts.push(at({ name, license }, line));
  };
  lines.forEach((line, i) => {
    let from = 0;
    for (const match of line.text.matchAll(LICENSE)) {
      const name = nameBefore(line.text.slice(from, match.index)) ?? (i > 0 ? nameBefore(lines[i - 1]!.text) : undefined);
      from = match.index + match[0].length;
      if (name) add(name, match[0], line);
    }
  });
  if (analysts.length) return analysts;
  for (let i = 0; i < lines.length; i++) {
    const label = ANALYST_LABEL.exec(lines[i]!.text.trim());
    if (!label) continue;
    if (label[1]) {
      // `张三、李四`, `张三 李四`, `Maria Gomez, John Lee`, `Maria Gomez and John Lee`.
      for (const part of label[1].split(/[、,，;；]|(?<!\s)\s+and\s+/)) {
        const name = part.trim();
        if (EN_NAME.test(name)) add(name, null, lines[i]!);
        else for (const word of name.split(/\s+/)) if (/^[\u4e00-\u9fa5]{2,4}$/.test(word)) add(word, null, lines[i]!);
      }
      if (analysts.length) return analysts;
      continue;
    }
    // The names under the label, until the box ends (a line that is neither a name nor a contact or licence line).
    for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
      const text = lines[j]!.text.trim();
      if (EN_NAME.test(text) || /^[\u4e00-\u9fa5]{2,4}$/.test(text)) add(text, null, lines[j]!);
      else if (!/@|\+?\d[\d -]{6,}|\b(?:CE|SFC|Ref|Tel|Email)\b/i.test(text)) break;
    }
    if (analysts.length) return analysts;
  }
  return analysts;
}

/** Company suffixes dropped from a broker's name: `东方证券股份有限公司` → `东方证券`. */
const ZH_COMPANY = /(?:股份)?有限(?:责任)?公司$/;
/** `本报告仅供东方证券股份有限公司的客户使用`, `本报告由华创证券有限责任公司编制`. */
const ZH_ISSUER =
  /本(?:研究)?报告(?:仅供|由|是|系)\s*([\u4e00-\u9fa5（）()]{2,24}?(?:证券|期货|研究所|研究院|资本|国际)(?:股份)?(?:有限(?:责任)?公司)?)/;
/** `This report has been prepared by Harbour Lane Securities Limited`. */
const EN_ISSUER =
  /\b(?:report|research)\s+(?:has been|was|is)?\s*(?:prepared|produced|issued|published)\s+by\s+([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,5})/;
/** A company suffix; matched only from the start of a run of spaces (`(?<!\s)`), so a long run is read once. */
const EN_SUFFIX = /(?<!\s)\s+(?:Limited|Ltd\.?|LLC|Inc\.?|Co\.?|plc|Corporation|Corp\.?)$/i;
/** A broker's name in a running header: `东方证券`, `中国银河证券`. */
const ZH_BROKER_WORD = /[\u4e00-\u9fa5]{2,4}证券/g;
/** Words ending in 证券 that are no broker. */
const NOT_A_BROKER = /^(?:.*(?:该等|有价|相关|上述|任何|所有|其他|投资|本公司|中国证券)证券|证券)$/;

/** The broker: named as the report's issuer (disclaimer), else the broker name repeated most (running headers). */
export function findBroker(lines: readonly SourceLine[]): Located<{ name: string }> | undefined {
  for (const line of lines) {
    const zh = ZH_ISSUER.exec(line.text);
    if (zh) return at({ name: zh[1]!.replace(ZH_COMPANY, '') }, line);
    const en = EN_ISSUER.exec(line.text);
    if (en) return at({ name: en[1]!.replace(EN_SUFFIX, '').replace(/[.,]$/, '') }, line);
  }
  const counts = new Map<string, { count: number; line: SourceLine }>();
  for (const line of lines) {
    for (const [word] of line.text.matchAll(ZH_BROKER_WORD)) {
      if (NOT_A_BROKER.test(word)) continue;
      const entry = counts.get(word) ?? { count: 0, line };
      entry.count++;
      counts.set(word, entry);
    }
  }
  const best = [...counts].sort((a, b) => b[1].count - a[1].count)[0];
  return best ? at({ name: best[0] }, best[1].line) : undefined;
}
