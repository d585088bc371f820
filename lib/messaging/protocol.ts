import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { MentionRule } from '../detect/mention';
import type { Passage } from '../reports/relevance';
import type { SecurityEntry } from '../securities/bundled-securities';
import { isSecurityId, type SecurityId } from '../securities/security-id';

/**
 * A listing as a tab gets it: its entry, and its place in the library dictionary's order (`rank`): a matcher reads a
 * name shared by several listings as the first added, so a tab adds what it gathers in this order.
 */
export interface TabEntry extends SecurityEntry {
  rank: number;
}

/** The dictionary a tab matches with: securities whose issuer has reports, sent compactly once per page. */
export interface TabDictionary {
  /** Listings the library has reports on, with every other listing of the same issuer. */
  entries: TabEntry[];
  /** Ids among `entries` with at least one related report. */
  withReports: SecurityId[];
  /** Mark every entry (the user's "mark every known security" setting), not only those with reports. */
  markAll: boolean;
  /** Traditional → simplified pairs the names need (`variantsForNames`), so traditional text matches too. */
  variants: [number, number][];
  /** Phrases that hold one of the names but are not it (海纳百川 holds 纳百川): the matcher reads them to yield nothing. */
  notNames?: string[];
  /** Old tickers and the listing each means today (`US:FB` → `US:META`), as the master says. */
  renamed?: [SecurityId, SecurityId][];
  /** Tickers that name no listing any more: a code spelling of one is no security. */
  delisted?: SecurityId[];
}

/**
 * What a tab adds to its dictionary to read a text of its page as the whole library dictionary would (the
 * securities master with the library's names): every listing the text may name (names and code spellings in it, the
 * longer names of other companies that hold a reported name included), with their issuers' other listings.
 */
export interface PageNames {
  entries: TabEntry[];
  /** Traditional → simplified pairs the entries' names need. */
  variants: [number, number][];
}

/**
 * Most page text one `getPageNames` request carries (UTF-16 units): a tab sends a long page in several. Bounds the
 * worker's work per request (a walk of at most 256 units from each position) whatever a page holds.
 */
export const PAGE_TEXT_LIMIT = 256 * 1024;

/** A report as cards and the popup show it. */
export interface ReportDigest {
  id: string;
  title: string;
  date?: string;
  source?: string;
  url?: string;
  summary: string;
  keyPoints: string[];
  risks: string[];
  /** How the report relates to the security it was asked for (cards, popup, security page): see `rank-related.ts`. */
  relevance?: { securityId: SecurityId; score?: number; about: boolean; passage?: Passage };
  /** A broker note's rating (as written) and its change, when the report states one. */
  rating?: { value: string; change: string | null };
  /** A broker note's target price, a number and an ISO currency code (`null` when the note does not say). */
  targetPrice?: { value: number; currency: string | null };
}

/** The reports related to one security (its own and its issuer's other listings), newest first. */
export interface SecurityReports {
  id: SecurityId;
  name: string;
  /** Other listings of the same issuer (阿里巴巴 HK:09988 → US:BABA). */
  otherListings: SecurityId[];
  reportCount: number;
  /** How many of them are about the company (the rest mention it). */
  aboutCount: number;
  /** Related reports per month, oldest first (`['2025-11', 3]`): the card's timeline. Undated reports are not in it. */
  months: [string, number][];
  /** The first reports in display order: about the company first, by relevance, newest first (`rank-related.ts`). */
  latest: ReportDigest[];
  /** Ratings and targets of broker notes on this security across the library, oldest first (absent: none). */
  ratings?: RatingPoint[];
}

/** One broker note's rating and target for a security: a point of the card's rating timeline. */
export interface RatingPoint {
  reportId: string;
  date: string;
  broker?: string;
  rating?: { value: string; change: string | null };
  targetPrice?: { value: number; currency: string | null };
}

/** What a library search found: the securities the query names and the matching reports, best first. */
export interface LibrarySearchResult {
  securities: { id: SecurityId; name: string }[];
  /** The matching reports' ids, best first (up to the request's limit). */
  ids: string[];
  /** Their digests, in the same order; empty when the request asked for ids only (`digests: false`). */
  reports: ReportDigest[];
  /** Reports matching in all (`reports` stops at the request's limit): the library page's honest count. */
  total?: number;
}

/** Size of the library, for the popup's empty state. */
export interface LibraryStats {
  reports: number;
}

/** What the content script found on its page, for the popup. */
export interface PageSecurities {
  url: string;
  /** The page's own security first (quote URL), then the most mentioned. */
  securities: { id: SecurityId; name: string; count: number; rules: MentionRule[] }[];
}

/** Who may send a request: any context of ours (tabs included), or only the extension's own pages. */
export type Privilege = 'tab' | 'extension-page';

/** A canonical security id (`SH:600519`); the guard makes the validated value a {@link SecurityId}, no cast. */
const securityIdSchema = v.custom<SecurityId>((input) => typeof input === 'string' && input.length <= 16 && isSecurityId(input));
const noData = v.undefined_();

/**
 * Every request the worker answers: its privilege and the schema its data is checked against on arrival. A request
 * missing here is refused. Each request's data type is read from its schema ({@link RequestData}), never declared
 * twice; JSDoc on {@link WorkerReplies} says what each one does.
 */
export const WORKER_REQUESTS = {
  getTabDictionary: { privilege: 'tab', data: noData },
  getRelatedReports: {
    privilege: 'tab',
    data: v.strictObject({
      ids: v.pipe(v.array(securityIdSchema), v.maxLength(50)),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
    }),
  },
  getPageNames: { privilege: 'tab', data: v.strictObject({ text: v.pipe(v.string(), v.maxLength(PAGE_TEXT_LIMIT)) }) },
  showPageMarks: { privilege: 'tab', data: v.strictObject({ ids: v.pipe(v.array(securityIdSchema), v.maxLength(500)) }) },
  openReport: { privilege: 'tab', data: v.strictObject({ reportId: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }) },
  openSecurity: { privilege: 'tab', data: v.strictObject({ securityId: securityIdSchema }) },
  // A tab may send it because it writes nothing: the block is written by the library page after the user confirms
  // there, so a page that reached the content script could at most open that question.
  askNotThisSecurity: {
    privilege: 'tab',
    data: v.strictObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), id: securityIdSchema }),
  },
  // Injects only our own card script into the asking tab's frame, where our content script already runs.
  loadCardView: { privilege: 'tab', data: noData },
  getLibraryStats: { privilege: 'extension-page', data: noData },
  searchLibrary: {
    privilege: 'extension-page',
    data: v.strictObject({
      query: v.pipe(v.string(), v.maxLength(200)),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
      // false: ids only. The library page reads the rows it lists itself (filtered and sorted by its columns).
      digests: v.optional(v.boolean()),
    }),
  },
  libraryChanged: { privilege: 'extension-page', data: noData },
  prepareSearch: { privilege: 'extension-page', data: noData },
} satisfies Record<keyof WorkerReplies, { privilege: Privilege; data: v.GenericSchema }>;

/** A worker request's name. */
export type WorkerRequest = keyof WorkerReplies;

/** The data of request `K`, as its schema outputs it after validation. */
export type RequestData<K extends WorkerRequest> = v.InferOutput<(typeof WORKER_REQUESTS)[K]['data']>;

/** What the background worker answers to each request (the data each takes is its schema's: {@link RequestData}). */
export interface WorkerReplies {
  /** The compact dictionary for a tab's matcher (read-only; tabs may ask). */
  getTabDictionary(): TabDictionary;
  /**
   * The listings a text of the tab's page may name, for its matcher (read-only; tabs may ask). The text goes to our
   * own worker and no further; the worker reads it and keeps nothing.
   */
  getPageNames(): PageNames;
  /** Related reports for securities, newest first (read-only; tabs may ask). */
  getRelatedReports(): SecurityReports[];
  /**
   * The securities a tab has marked: the worker shows how many related reports they have on the toolbar badge of
   * that tab (tabs may send it: it changes nothing but the badge of the sending tab).
   */
  showPageMarks(): void;
  /** Opens the library page at one report (tabs may ask: it shows, it never changes anything). */
  openReport(): void;
  /** Opens the library page at one security's page: all its reports (tabs may ask: it only shows). */
  openSecurity(): void;
  /**
   * The card's "not this security": opens the library page asking the user to confirm that `name` is not `id`.
   * Tabs may ask because it changes nothing: only the library page, an extension page, writes the block, and only
   * when the user confirms there. The card lives in a web page's content script; a write request from a tab would let
   * a page that reached it (or a compromised renderer) block names silently.
   */
  askNotThisSecurity(): void;
  /**
   * Injects the hover card's view (`card-view.js`) into the asking frame, the first time a card opens there: the
   * content script stays small on the many pages where no card ever opens (tabs may ask: it adds only our own code
   * to a frame our content script already runs in). Resolves once the script has run.
   */
  loadCardView(): void;
  /** Number of reports in the library (extension pages only). */
  getLibraryStats(): LibraryStats;
  /** Searches the whole library: typo-tolerant security names, full text (extension pages only: it reads everything). */
  searchLibrary(): LibrarySearchResult;
  /** The library was written to: drop caches and recompile the dictionary (extension pages only). */
  libraryChanged(): void;
  /**
   * A search is likely soon (the library page opened): the worker starts building its search index if it
   * keeps none, and answers at once (extension pages only).
   */
  prepareSearch(): void;
}

/** Requests answered by the background worker: each takes its schema's data and gives its reply. */
export type WorkerProtocol = { [K in WorkerRequest]: (data: RequestData<K>) => ReturnType<WorkerReplies[K]> };

/** Requests answered by a tab's content script; only the extension itself can send them (tabs.sendMessage). */
export interface TabProtocol {
  /** The securities found on the page so far. */
  getPageSecurities(): PageSecurities;
  /** The library changed: fetch the new dictionary and mark the page again; answers when the new marks are drawn. */
  refreshMarks(): void;
}

/** Messenger for {@link WorkerProtocol}. */
export const workerMessenger = defineExtensionMessaging<WorkerProtocol>();
/** Messenger for {@link TabProtocol}. */
export const tabMessenger = defineExtensionMessaging<TabProtocol>();
