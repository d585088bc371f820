import type { ReportKind } from './report-kind';

/**
 * How much one report is about one security, from where and how often it is named. Pure: parse computes it at
 * import and re-index; cards and the popup rank by it without reading report bodies.
 */

/** The sentence of a report that names a security, with the mention's place in it (to emphasise it). */
export interface Passage {
  text: string;
  start: number;
  end: number;
}

/** What the parse knows about one security in one report. */
export interface SecurityEvidence {
  /** Mentions outside the lines the report's source repeats on many posts. */
  mentions: number;
  inTitle: boolean;
  /** Named in the report's lead: its first paragraphs or its summary. */
  inLead: boolean;
  /** Named with a code somewhere (`09988.HK`, `$AMZN`, a quote link): the writer pointed at the listing. */
  withCode: boolean;
  /** Its mentions as a share of every security's mentions in the report (0–1). */
  share: number;
  /** Whether it is the most mentioned security of the report. */
  top: boolean;
}

/** A security's relevance in one report, as stored on its index row. */
export interface Relevance {
  /** 0–100: higher is more about the security. */
  score: number;
  /** The report is about this company (a reader would file it under it), not one that merely mentions it. */
  about: boolean;
}

/** Points, out of 100, each signal gives. Named by what a reader would say makes a report "about" a company. */
const TITLE_POINTS = 40;
const LEAD_POINTS = 15;
const CODE_POINTS = 5;
/** Mentions add points on a log scale up to this many: the tenth mention tells less than the second. */
const MENTION_POINTS = 25;
const MENTIONS_FOR_FULL_POINTS = 16;
const SHARE_POINTS = 15;
/** How much a report of each kind can be about one company: a brief or strategy piece names many in passing. */
const KIND_FACTOR: Record<ReportKind, number> = { company: 1, industry: 0.85, strategy: 0.75, brief: 0.7 };
/** A report is "about" a security named this often with at least this share of the report's mentions. */
const ABOUT_MENTIONS = 3;
const ABOUT_SHARE = 0.25;

/** The relevance of one security in one report. Mentions only in repeated lines (sign-offs, footers) give none. */
export function relevanceOf(evidence: SecurityEvidence, kind: ReportKind): Relevance {
  if (!evidence.mentions && !evidence.inTitle) return { score: 0, about: false };
  const mentionPoints = MENTION_POINTS * Math.min(1, Math.log2(1 + evidence.mentions) / Math.log2(1 + MENTIONS_FOR_FULL_POINTS));
  const raw =
    (evidence.inTitle ? TITLE_POINTS : 0) +
    (evidence.inLead ? LEAD_POINTS : 0) +
    (evidence.withCode ? CODE_POINTS : 0) +
    mentionPoints +
    SHARE_POINTS * evidence.share;
  const about =
    evidence.inTitle ||
    (evidence.mentions >= ABOUT_MENTIONS && evidence.share >= ABOUT_SHARE) ||
    (kind === 'company' && evidence.top && evidence.mentions >= ABOUT_MENTIONS);
  return { score: Math.round(Math.min(100, raw * KIND_FACTOR[kind])), about };
}

/** Longest passage kept, in characters: a sentence, not a paragraph. */
export const MAX_PASSAGE_CHARS = 140;
/** Sentence ends (Chinese and Latin) a passage is cut at. */
const SENTENCE_END = /[。！？!?；;]|\.(?=\s|$)/g;

/**
 * The sentence of `line` around the mention at `[start, end)`, cut to {@link MAX_PASSAGE_CHARS} around the mention
 * with `…` where it was cut.
 */
export function passageAround(line: string, start: number, end: number): Passage {
  let from = 0;
  let to = line.length;
  for (const m of line.matchAll(SENTENCE_END)) {
    const at = m.index + m[0].length;
    if (at <= start) from = at;
    else if (m.index >= end) {
      to = at;
      break;
    }
  }
  let text = line.slice(from, to).trim();
  let offset = from + (line.slice(from, to).length - line.slice(from, to).trimStart().length);
  if (text.length > MAX_PASSAGE_CHARS) {
    const room = MAX_PASSAGE_CHARS - (end - start);
    const head = Math.max(offset, Math.min(start - Math.floor(room / 3), offset + text.length - MAX_PASSAGE_CHARS));
    const cut = line.slice(head, head + MAX_PASSAGE_CHARS);
    const lead = head > offset ? '…' : '';
    const tail = head + MAX_PASSAGE_CHARS < offset + text.length ? '…' : '';
    text = `${lead}${cut}${tail}`;
    offset = head - lead.length;
  }
  return { text, start: start - offset, end: end - offset };
}
