import type { SecurityMatcher } from '../detect/find-securities';
import type { Mention, MentionRule } from '../detect/mention';
import type { SecurityDictionary } from '../securities/dictionary';
import { fromEastmoneySecid, type SecurityId } from '../securities/security-id';
import { passageAround, relevanceOf, type Passage, type SecurityEvidence } from './relevance';
import { reportKind, type ReportKind } from './report-kind';

/** How a report's security was found: a text rule of the matcher, or markup left by the publisher. */
export type ReportSecurityVia = MentionRule | 'quote-link' | 'data-code';

/** A security a report names, how often and how it was found, and how much the report is about it. */
export interface ReportSecurity {
  id: SecurityId;
  name: string;
  count: number;
  via: ReportSecurityVia[];
  /** 0–100 relevance (see `relevance.ts`); absent on reports stored before relevance existed (re-index fills it). */
  score?: number;
  /** The report is about this company rather than mentioning it. */
  about?: boolean;
  /** The sentence that names it, mention marked. */
  passage?: Passage;
}

/** A report's text as lines: line 0 is the title, then one line per block, with what each block is. */
export interface ReportLines {
  lines: readonly string[];
  /** Per line: whether it is running text (a paragraph or list item) that a passage may quote. */
  prose: readonly boolean[];
  /** Whether the report's source repeats a line on many of its reports (sign-offs, footers): no weight, no passage. */
  repeated: (line: string) => boolean;
  summary: string;
}

/** eastmoney quote links (`quote.eastmoney.com/unify/r/116.09988`) and `data-code="09988|116|5"` attributes. */
const QUOTE_LINK = /quote\.eastmoney\.com\/unify\/r\/(\d{1,3})\.([A-Za-z0-9.]{1,10})/g;
const DATA_CODE = /data-code="([A-Za-z0-9.]{1,10})\|(\d{1,3})\|/g;
/** Rules that mean the writer gave the listing's code. */
const CODE_RULES = new Set<ReportSecurityVia>(['exchange-code', 'cashtag', 'exchange-prefix', 'quote-link', 'data-code']);
/** How many of the report's first running-text lines count as its lead. */
const LEAD_LINES = 3;

/** Index of the line holding text position `at`, given each line's start. */
function lineAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The best mention to quote: running text before table rows and headings, a line the source repeats last, the title never. */
function passageOf(
  mentions: readonly { mention: Mention; line: number }[],
  text: ReportLines,
  starts: readonly number[],
): Passage | undefined {
  const rank = ({ line }: { line: number }) => {
    const words = text.lines[line]!;
    if (line === 0) return 4;
    if (text.repeated(words)) return 3;
    if (!text.prose[line] || words.includes(' | ')) return 2;
    return 1;
  };
  let best: { mention: Mention; line: number } | undefined;
  for (const candidate of mentions) if (!best || rank(candidate) < rank(best)) best = candidate;
  if (!best) return undefined;
  const offset = starts[best.line]!;
  return passageAround(text.lines[best.line]!, best.mention.start - offset, best.mention.end - offset);
}

/**
 * The securities of one report: matcher mentions in its text plus publisher markup in its raw body, each with its
 * relevance and passage, the report's kind, and which lines name a security. A page that repeats one link in several attributes counts once per
 * link, not per attribute.
 */
export function findReportSecurities(
  text: ReportLines,
  rawBody: string,
  matcher: SecurityMatcher,
  dictionary: SecurityDictionary,
): { securities: ReportSecurity[]; kind: ReportKind; mentionLines: Set<number> } {
  const joined = text.lines.join('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of text.lines) {
    starts.push(at);
    at += line.length + 1;
  }
  type Found = { count: number; links: number; via: Set<ReportSecurityVia>; mentions: { mention: Mention; line: number }[] };
  const found = new Map<SecurityId, Found>();
  const entry = (id: SecurityId) => {
    let e = found.get(id);
    if (!e) found.set(id, (e = { count: 0, links: 0, via: new Set(), mentions: [] }));
    return e;
  };
  for (const mention of matcher.find(joined)) {
    const e = entry(mention.id);
    e.count++;
    e.via.add(mention.rule);
    e.mentions.push({ mention, line: lineAt(starts, mention.start) });
  }
  for (const m of rawBody.matchAll(QUOTE_LINK)) {
    const id = fromEastmoneySecid(m[1]!, m[2]!.toUpperCase());
    if (!id) continue;
    const e = entry(id);
    e.count++;
    e.links++;
    e.via.add('quote-link');
  }
  for (const m of rawBody.matchAll(DATA_CODE)) {
    const id = fromEastmoneySecid(m[2]!, m[1]!.toUpperCase());
    if (id) entry(id).via.add('data-code');
  }

  // Shares and "top" are per issuer: a note naming 阿里巴巴 and BABA is about one company, not two halves.
  const issuerOf = (id: SecurityId) => [...dictionary.issuerListings(id)].sort()[0] ?? id;
  const leadLines = new Set(
    text.lines
      .map((_line, i) => i)
      .filter((i) => i > 0 && text.prose[i] && !text.repeated(text.lines[i]!))
      .slice(0, LEAD_LINES),
  );
  const inSummary = new Set(text.summary ? matcher.find(text.summary).map((m) => m.id) : []);
  /** Mentions that count: in the title or in a line the source does not repeat, plus quote links. */
  const counted = (e: Found) => e.links + e.mentions.filter(({ line }) => line === 0 || !text.repeated(text.lines[line]!)).length;
  const perIssuer = new Map<SecurityId, number>();
  for (const [id, e] of found) perIssuer.set(issuerOf(id), (perIssuer.get(issuerOf(id)) ?? 0) + counted(e));
  const total = [...perIssuer.values()].reduce((sum, n) => sum + n, 0);
  const most = Math.max(0, ...perIssuer.values());
  const titleIssuers = new Set([...found].filter(([, e]) => e.mentions.some(({ line }) => line === 0)).map(([id]) => issuerOf(id))).size;
  const kind = reportKind(text.lines[0] ?? '', titleIssuers, total ? most / total : 0);

  const securities = [...found].map(([id, e]): ReportSecurity => {
    const issuerMentions = perIssuer.get(issuerOf(id)) ?? 0;
    const evidence: SecurityEvidence = {
      mentions: counted(e),
      inTitle: e.mentions.some(({ line }) => line === 0),
      inLead: inSummary.has(id) || e.mentions.some(({ line }) => leadLines.has(line)),
      withCode: [...e.via].some((via) => CODE_RULES.has(via)),
      share: total ? issuerMentions / total : 0,
      top: issuerMentions > 0 && issuerMentions === most,
    };
    const { score, about } = relevanceOf(evidence, kind);
    const passage = passageOf(e.mentions, text, starts);
    return {
      id,
      name: dictionary.displayName(id),
      count: Math.max(e.count, 1),
      via: [...e.via],
      score,
      about,
      ...(passage && { passage }),
    };
  });
  securities.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const mentionLines = new Set([...found.values()].flatMap((e) => e.mentions.map(({ line }) => line)));
  return { securities, kind, mentionLines };
}
