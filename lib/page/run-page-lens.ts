import type { PageSecurities, SecurityReports, TabDictionary } from '../messaging/protocol';
import { analysePage, pageFrame, pageFrameTexts } from '../page-analysis/analyse-page';
import { summarisePage } from '../page-analysis/page-summary';
import { TabNames, type AskPageNames } from '../page-analysis/tab-dictionary-reading';
import type { SecurityId } from '../securities/security-id';
import type { MarkStyle } from '../settings/display-settings';
import { watchHover } from './hover-watch';
import { MarkHighlights } from './mark-highlights';
import { MarkOverlay } from './mark-overlay';
import { MarkIndex, rangeOfMark, scanForMarks, type PageMark } from './page-marks';
import { watchPageMutations, type MutationQueueState } from './page-mutations';
import type { TaskClock } from './task-clock';
import { browserReadingRules, TextReader } from './visible-text-nodes';
import { textNodesNearViewport } from './viewport-texts';

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
  /** Asks the worker what a text of the page may name (`getPageNames`); without it the tab dictionary alone. */
  pageNames?: AskPageNames;
  fetchReports: (id: SecurityId) => Promise<SecurityReports | undefined>;
  showCard: (state: CardState | undefined) => void;
  /** The pointer came onto a mark: get the card ready (its view loads on first use) while the hover delay runs. */
  prepareCard?: () => void;
  /** Selector of our own elements in the page (the card's host), never read as page text. */
  ownUi: string;
  isOverCard: (target: EventTarget | null) => boolean;
  /** The set of marked securities changed (told only when it did, not after every scan): the toolbar badge follows. */
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
  /** Times the lens's own tasks (each stretch of work between yields to the page): the page bench reads it. */
  clock?: TaskClock;
}

/** The running lens: what it found, for the popup. */
export interface PageLens {
  pageSecurities(): PageSecurities;
  /** Resolves when the first scan of the page is done. */
  ready: Promise<void>;
  /** Redraws the marks in another style (the user changed the setting). */
  setMarkStyle(style: MarkStyle): void;
  /** How the lens follows the live page: its queue, and how many nodes hold marks (tests and the soak run). */
  liveState(): MutationQueueState & { markedNodes: number };
}

/** Marks the first reading draws between two yields to the page (about 2 ms of drawing each). */
const DRAW_SLICE_MARKS = 400;
/** Text nodes whose marks the first reading replaces between two yields (a lookup or two each). */
const DRAW_SLICE_NODES = 4_000;

/**
 * Lets the page run between two slices of our work: until its next frame while it is shown (it renders and takes
 * input first), or for one task while it is hidden, where frames never come (a tab opened in the background, or
 * behind the popup opened as a tab, is still read; timers there are throttled, a message is not).
 */
const nextFrame = (view: Window) => () =>
  new Promise<void>((resolve) => {
    if (view.document.visibilityState !== 'hidden') {
      // A tab hidden before its next frame would wait until shown again: going hidden resolves the wait too.
      view.requestAnimationFrame(() => resolve());
      view.document.addEventListener('visibilitychange', () => resolve(), { once: true });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/** Draws marks as highlights, unless they must be private or the browser has none: then in our overlay layer. */
function choosePainter({ doc, markStyle, overlayLayer, privateMarks }: PageLensDeps): MarkHighlights | MarkOverlay {
  const overlay = () => new MarkOverlay(overlayLayer!(), doc.defaultView!, markStyle);
  // Constructing MarkHighlights registers our highlight and adopts its style sheet, so private marks never do.
  if (privateMarks && overlayLayer) return overlay();
  const highlights = new MarkHighlights(doc, markStyle);
  return highlights.supported || !overlayLayer ? highlights : overlay();
}

/**
 * `ask` with the clock stopped while the worker answers: our task ends once the requests are sent (serialising them
 * is ours) and the next begins when the last answer is in.
 */
function timedAsk(ask: AskPageNames, clock: TaskClock): AskPageNames {
  let waiting = 0;
  return (text) => {
    waiting++;
    const reply = ask(text);
    queueMicrotask(() => clock.end());
    return reply.finally(() => {
      if (--waiting === 0) clock.begin();
    });
  };
}

/**
 * Finds the page's securities that have reports, marks them, and opens the card on hover. Never writes to the
 * page's DOM; everything stops when `signal` aborts.
 */
export function runPageLens(deps: PageLensDeps): PageLens {
  const { doc, signal, dictionary, clock } = deps;
  clock?.begin();
  const view = doc.defaultView!;
  const yieldToPage = clock ? clock.yielding(nextFrame(view)) : nextFrame(view);
  const withReports = new Set(dictionary.withReports);
  const markable = (id: SecurityId) => dictionary.markAll || withReports.has(id);
  const tabNames = new TabNames(dictionary, clock && deps.pageNames ? timedAsk(deps.pageNames, clock) : deps.pageNames);
  const index = new MarkIndex();
  const painter = choosePainter(deps);
  signal.addEventListener('abort', () => painter.dispose());
  const rules = browserReadingRules(view, deps.ownUi);
  const reader = new TextReader(rules);
  let subject: SecurityId[] = [];
  let publisher: ReadonlySet<SecurityId> = new Set();
  let support: ReadonlySet<SecurityId> = new Set();
  let queueState: () => MutationQueueState = () => ({ pending: 0, partial: 0, handed: 0 });

  const cache = new Map<SecurityId, Promise<SecurityReports | undefined>>();
  let shown: PageMark | undefined;
  const show = (mark: PageMark, security: SecurityReports | undefined) =>
    deps.showCard({ mark, anchor: rangeOfMark(mark).getBoundingClientRect(), security });

  watchHover(
    doc,
    index,
    {
      approach: () => deps.prepareCard?.(),
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

  /** The securities last told to `onMarked`, as one key: the worker hears only of changes to the set. */
  let toldKey: string | undefined;
  const tell = () => {
    const ids = index.securities().sort();
    const key = ids.join(' ');
    if (key === toldKey) return;
    toldKey = key;
    deps.onMarked?.(ids);
  };
  /** Replaces the marks of `nodes` (rescanned) with `marks`. */
  const replace = (nodes: readonly Text[], marks: PageMark[]) => {
    index.removeNodes(nodes);
    painter.removeNodes(nodes);
    const kept = marks.filter((mark) => markable(mark.mention.id));
    index.add(kept);
    painter.add(kept);
    if (kept.length) clock?.reached('firstMarks');
    tell();
  };
  /**
   * The matcher for `texts` (`TabNames.widen`), then the page runs before the reading goes on: when the texts named
   * securities the tab did not know, building the matcher anew was a task's worth of work on its own.
   */
  const widen = async (texts: readonly string[]) => {
    const matcher = await tabNames.widen(texts);
    await yieldToPage();
    return matcher;
  };
  /** Live text, scanned one batch after another with the page analysis's verdict on the publisher. */
  let scans = Promise.resolve();
  const scanLive = (nodes: Text[]) =>
    (scans = scans.then(async () => {
      const matcher = await widen(nodes.map((node) => node.data));
      const marks = await scanForMarks({ nodes }, matcher, (id) => !publisher.has(id), {
        signal,
        yieldToPage,
        support,
        isShown: (node) => reader.isShown(node),
      });
      if (!signal.aborted) replace(nodes, marks);
      clock?.end();
    }));
  /** Nodes left the page: their marks and drawings go, so nothing of ours keeps them alive. */
  const release = () => {
    const gone = index.sweep();
    if (!gone.length) return;
    painter.removeNodes(gone);
    if (shown && !shown.node.isConnected) deps.showCard((shown = undefined));
    tell();
  };

  const ready = (async () => {
    if ((!withReports.size && !dictionary.markAll) || !doc.body) return clock?.end();
    queueState = watchPageMutations(doc.body, { reader, onText: scanLive, onRemoved: release, signal, clock });
    // Starting was this task's work: the page runs before the reading starts.
    await yieldToPage();
    // Live scans wait for the analysis: they need its verdict on the publisher.
    await (scans = (async () => {
      await firstLook();
      await analyse();
    })());
  })();

  /** The text nodes the first look marked: the whole page's reading takes their marks over. */
  let looked: readonly Text[] = [];

  /**
   * Marks what the reader sees first (the viewport and a screen either side) before the rest of the page is read: read
   * with the page's frame (title, quote, publisher) as the whole analysis reads it, only the subject's support (known
   * from the whole page) not yet. Its own reader: it judges elements without the page's subtree queries.
   */
  async function firstLook() {
    const near = new TextReader(rules);
    const read = near.readSome(textNodesNearViewport(doc));
    if (!read.nodes.length) return;
    const matcher = await widen([...pageFrameTexts(doc, deps.url), ...read.texts]);
    if (signal.aborted) return;
    const frame = pageFrame(doc, deps.url, matcher, (id) => tabNames.listingsOf(id));
    const marks = await scanForMarks(read, matcher, (id) => !frame.publisher.has(id), {
      signal,
      yieldToPage,
      support: frame.support,
      isShown: (node) => near.isShown(node),
    });
    if (signal.aborted) return;
    replace(read.nodes, marks);
    looked = read.nodes;
  }

  async function analyse() {
    const analysis = await analysePage({
      doc,
      url: deps.url,
      // Read only without `matcherFor`: the tab dictionary's own matcher is not built when the page's texts widen it.
      get matcher() {
        return tabNames.matcher;
      },
      matcherFor: widen,
      listingsOf: (id) => tabNames.listingsOf(id),
      reader,
      signal,
      yieldToPage,
    });
    if (!signal.aborted) {
      ({ subject, publisher, support } = analysis);
      await drawInSlices(analysis.read.nodes, analysis.marks);
    }
    clock?.end();
  }

  /**
   * {@link replace} for the whole page's first reading, a slice of nodes at a time with the page let run between:
   * drawing two thousand marks (and collecting what that leaves) in one go was a long task. Each node's marks are
   * replaced in its own slice, and kept where the first look drew the same, so marks already seen never blink.
   */
  async function drawInSlices(nodes: readonly Text[], marks: PageMark[]) {
    const byNode = new Map<Text, PageMark[]>();
    for (const mark of marks) {
      if (!markable(mark.mention.id)) continue;
      const list = byNode.get(mark.node);
      if (list) list.push(mark);
      else byNode.set(mark.node, [mark]);
    }
    for (let from = 0; from < nodes.length && !signal.aborted;) {
      if (from) await yieldToPage();
      const changed: Text[] = [];
      const added: PageMark[] = [];
      for (; from < nodes.length && added.length < DRAW_SLICE_MARKS && changed.length < DRAW_SLICE_NODES; from++) {
        const node = nodes[from]!;
        const now = byNode.get(node) ?? [];
        if (index.sameMarks(node, now)) continue;
        changed.push(node);
        added.push(...now);
      }
      index.removeNodes(changed);
      painter.removeNodes(changed);
      index.add(added);
      painter.add(added);
      if (added.length) clock?.reached('firstMarks');
    }
    if (signal.aborted) return;
    // Nodes the first look marked that the whole reading does not read (inside a link list, say).
    const read = new Set(nodes);
    const unread = looked.filter((node) => !read.has(node));
    index.removeNodes(unread);
    painter.removeNodes(unread);
    looked = [];
    tell();
    clock?.reached('allMarked');
  }

  return {
    ready,
    setMarkStyle: (style) => painter.setStyle(style),
    liveState: () => ({ ...queueState(), markedNodes: index.nodeCount }),
    pageSecurities: () => ({
      url: deps.url,
      securities: summarisePage(
        index.all().map(({ mention }) => mention),
        subject.filter(markable),
        (id) => tabNames.nameOf(id),
      ),
    }),
  };
}
