import type { SecurityId } from '../securities/security-id';

/** The most-mentioned security is what the page is about only with this many mentions... */
const LEAD_MIN_MENTIONS = 3;
/** ...and at least this many times the mentions of the next one. */
const LEAD_RATIO = 2;

/** What a page says about its subject, gathered by `analysePage`. */
export interface SubjectEvidence {
  /** The security of the page's quote URL. */
  quote?: SecurityId;
  /** Securities its title's headline and topics name, in title order. */
  title: readonly SecurityId[];
  /** Securities listed one per row (a ratings table, a watch list, a portfolio), in row order; empty if no list page. */
  listed: readonly SecurityId[];
  /** Mentions per security in the page's readable text. */
  counts: ReadonlyMap<SecurityId, number>;
}

/**
 * The page's subject, most certain first: its quote URL, the securities its title names, the securities of its
 * list (a list page is about every row), else the security mentioned clearly most often. Empty for a page about
 * none.
 */
export function pageSubject({ quote, title, listed, counts }: SubjectEvidence): SecurityId[] {
  const subject = new Set<SecurityId>();
  if (quote) subject.add(quote);
  for (const id of title) subject.add(id);
  for (const id of listed) subject.add(id);
  if (subject.size) return [...subject];
  const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (top && top[1] >= LEAD_MIN_MENTIONS && top[1] >= LEAD_RATIO * (second?.[1] ?? 0)) subject.add(top[0]);
  return [...subject];
}
