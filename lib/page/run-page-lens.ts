import { createSecurityMatcher, type MentionRule } from '../detect/find-securities';
import { securityOfQuoteUrl } from '../detect/quote-url';
import type { PageSecurities, SecurityReports, TabDictionary } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';
import type { MarkStyle } from '../settings/display-settings';
import { watchHover } from './hover-watch';
import { MarkHighlights } from './mark-highlights';
import { MarkOverlay } from './mark-overlay';
import { MarkIndex, rangeOfMark, scanForMarks, type PageMark } from './page-marks';
import { watchPageMutations } from './page-mutations';
import { collectTexts } from './visible-text-nodes';

/** What the card shows for the mark under the pointer. */
export interface CardState {
  mark: PageMark;
  anchor: DOMRect;
  security: SecurityReports | undefined;
}

/** The page lens's connections to the outside: the worker, the card UI, and the page itself. */
export interface PageLensDeps {
  doc: Document;
  url: string;
  signal: AbortSignal;
  dictionary: TabDictionary;
  fetchReports: (id: SecurityId) => Promise<SecurityReports | undefined>;
  showCard: (state: CardState | undefined) => void;
  /** Selector of our own elements in the page (the card's host), never read as page text. */
  ownUi: string;
  isOverCard: (target: EventTarget | null) => boolean;
  /** The marked securities changed (after each scan): the toolbar badge follows. */
  onMarked?: (ids: SecurityId[]) => void;
  markStyle?: MarkStyle;
  /**
   * A layer of our own for drawn marks (inside our closed shadow root): where the browser lacks the CSS Custom
   * Highlight API, and always with `privateMarks`.
   */
  overlayLayer?: () => HTMLElement;
  /**
   * The user's "private marks": draw with `overlayLayer` even where highlights work, so nothing goes into the page's
   * highlight registry (`CSS.highlights`), which page scripts can read. The layer is made at once, marks or none, so
   * our host's presence tells the page only that the extension runs there.
   */
  privateMarks?: boolean;
}

/** The running lens: what it found, for the popup. */
export interface PageLens {
  pageSecurities(): PageSecurities;
  /** Resolves when the first scan of the page is done. */
  ready: Promise<void>;
  /** Redraws the marks in another style (the user changed the setting). */
  setMarkStyle(style: MarkStyle): void;
}

const nextFrame = (view: Window) => () => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));

/** Draws marks as highlights, unless they must be private or the browser has none: then in our overlay layer. */
function choosePainter({ doc, markStyle, overlayLayer, privateMarks }: PageLensDeps): MarkHighlights | MarkOverlay {
  const overlay = () => new MarkOverlay(overlayLayer!(), doc.defaultView!, markStyle);
  // Constructing MarkHighlights registers our highlight and adopts its style sheet, so private marks never do.
  if (privateMarks && overlayLayer) return overlay();
  const highlights = new MarkHighlights(doc, markStyle);
  return highlights.supported || !overlayLayer ? highlights : overlay();
}

/**
 * Finds the page's securities that have reports, marks them, and opens the card on hover. Never writes to the
 * page's DOM; everything stops when `signal` aborts.
 */
export function runPageLens(deps: PageLensDeps): PageLens {
  const { doc, signal, dictionary } = deps;
  const withReports = new Set(dictionary.withReports);
  const matcher = createSecurityMatcher(dictionary.entries, { variants: new Map(dictionary.variants), notNames: dictionary.notNames });
  const index = new MarkIndex();
  const painter = choosePainter(deps);
  signal.addEventListener('abort', () => painter.dispose());
  const names = new Map(dictionary.entries.map((entry) => [entry.id, entry.names[0] ?? entry.id]));
  const quoteSecurity = securityOfQuoteUrl(deps.url);
  /** What the page is about so far (its quote URL, every security found): supports weak names and bare codes. */
  const support = new Set<SecurityId>(quoteSecurity ? [quoteSecurity] : []);

  const cache = new Map<SecurityId, Promise<SecurityReports | undefined>>();
  let shown: PageMark | undefined;
  const show = (mark: PageMark, security: SecurityReports | undefined) =>
    deps.showCard({ mark, anchor: rangeOfMark(mark).getBoundingClientRect(), security });

  watchHover(
    doc,
    index,
    {
      enter(mark) {
        shown = mark;
        const id = mark.mention.id;
        const pending = cache.get(id) ?? deps.fetchReports(id);
        cache.set(id, pending);
        show(mark, undefined);
        void pending.then((security) => {
          if (shown === mark && !signal.aborted) show(mark, security);
        });
      },
      leave() {
        shown = undefined;
        deps.showCard(undefined);
      },
      isOverCard: deps.isOverCard,
    },
    signal,
  );

  /** Scans text nodes (again, for changed ones) and redraws their marks; scans run one after another. */
  let scans = Promise.resolve();
  const scan = ({ nodes, texts }: { nodes: Text[]; texts?: string[] }) =>
    (scans = scans.then(async () => {
      const marks = await scanForMarks({ nodes, texts }, matcher, (id) => dictionary.markAll || withReports.has(id), {
        signal,
        yieldToPage: nextFrame(doc.defaultView!),
        support,
      });
      if (signal.aborted) return;
      index.removeNodes(nodes);
      painter.removeNodes(nodes);
      index.add(marks);
      painter.add(marks);
      deps.onMarked?.([...new Set(index.all().map((mark) => mark.mention.id))]);
    }));

  const ready = (async () => {
    if ((!withReports.size && !dictionary.markAll) || !doc.body) return;
    watchPageMutations(doc.body, { ownUi: deps.ownUi, onText: (nodes) => scan({ nodes }), signal });
    await scan(collectTexts(doc.body, deps.ownUi));
  })();

  return {
    ready,
    setMarkStyle: (style) => painter.setStyle(style),
    pageSecurities() {
      const found = new Map<SecurityId, { count: number; rules: Set<MentionRule> }>();
      for (const { mention } of index.all()) {
        const entry = found.get(mention.id) ?? { count: 0, rules: new Set() };
        entry.count++;
        entry.rules.add(mention.rule);
        found.set(mention.id, entry);
      }
      const ordered = [...found].sort((a, b) => b[1].count - a[1].count);
      if (quoteSecurity && withReports.has(quoteSecurity)) {
        const own = ordered.findIndex(([id]) => id === quoteSecurity);
        const [entry] = own >= 0 ? ordered.splice(own, 1) : [[quoteSecurity, { count: 0, rules: new Set<MentionRule>() }] as const];
        ordered.unshift([entry![0], entry![1]]);
      }
      return {
        url: deps.url,
        securities: ordered.map(([id, { count, rules }]) => ({ id, name: names.get(id) ?? id, count, rules: [...rules] })),
      };
    },
  };
}
