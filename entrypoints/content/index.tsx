import { tabMessenger, workerMessenger } from '~/lib/messaging/protocol';
import { loadedCardView, type CardView } from '~/lib/page/card-view';
import { runPageLens, type CardState, type PageLens } from '~/lib/page/run-page-lens';
import { TaskClock } from '~/lib/page/task-clock';
import { FINANCE_SITE_MATCHES } from '~/lib/permissions/finance-sites';
import {
  languageChoice,
  markStyle,
  privateMarks,
  resolveLocale,
  watchLanguageChoice,
  watchMarkAllKnown,
  watchMarkStyle,
  watchPrivateMarks,
} from '~/lib/settings/display-settings';
import { isSiteEnabled, watchDisabledSites } from '~/lib/settings/site-settings';

/** Custom element name of the card's shadow host. */
const CARD_HOST = 'reportlens-card';
/** How long the card's view waits for an idle moment after the first marks before it loads anyway. */
const CARD_PREFETCH_TIMEOUT_MS = 2_000;

export default defineContentScript({
  matches: FINANCE_SITE_MATCHES,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx) {
    // The host and its closed shadow root; the card's view and styles come with the card's own script.
    const ui = await createShadowRootUi(ctx, {
      name: CARD_HOST,
      mode: 'closed',
      css: '',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: () => undefined,
      onRemove: () => cardView?.render(ui.uiContainer, undefined),
    });
    let locale = resolveLocale(await languageChoice(), navigator.languages);
    ctx.onInvalidated(watchLanguageChoice((choice) => void (locale = resolveLocale(choice, navigator.languages))));
    /**
     * The layer of drawn marks (private marks, or the fallback without highlights) keeps our host in the page; without
     * it the host leaves with the card.
     */
    let overlay: HTMLElement | undefined;
    /** The card's view: loaded (by the worker, into this world) the first time the pointer nears a mark. */
    let cardView: CardView | undefined = loadedCardView();
    let cardViewLoad: Promise<void> | undefined;
    const loadCardView = () =>
      (cardViewLoad ??= workerMessenger.sendMessage('loadCardView', undefined).then(
        () => void (cardView = loadedCardView()),
        (error: unknown) => {
          cardViewLoad = undefined; // asked again on the next hover
          console.error('ReportLens: the card could not load', error);
        },
      ));
    /**
     * A page with marks gets the card's view when it is next idle, so the first card does not wait on the worker (busy
     * with another tab's page names, it answered the first hover seconds late); a page without marks never loads it.
     */
    let prefetchAsked = false;
    const prefetchCardView = () => {
      if (prefetchAsked || cardView) return;
      prefetchAsked = true;
      requestIdleCallback(() => void loadCardView(), { timeout: CARD_PREFETCH_TIMEOUT_MS });
    };
    /** The card last asked for: a view that loads late draws only the card still wanted. */
    let wanted: CardState | undefined;
    const showCard = (state: CardState | undefined): void => {
      wanted = state;
      if (!state) return overlay ? cardView?.render(ui.uiContainer, undefined) : ui.remove();
      if (!cardView) return void loadCardView().then(() => cardView && wanted === state && showCard(state));
      if (!ui.shadowHost.isConnected) ui.mount();
      const { mention } = state.mark;
      cardView.render(ui.uiContainer, {
        state,
        locale,
        onOpenReport: (reportId) => void workerMessenger.sendMessage('openReport', { reportId }),
        onOpenSecurity: (securityId) => void workerMessenger.sendMessage('openSecurity', { securityId }),
        onClose: () => showCard(undefined),
        onNotThisSecurity: () =>
          void workerMessenger.sendMessage('askNotThisSecurity', { name: mention.text.slice(0, 100), id: mention.id }),
      });
    };

    /** Our own task timing. The e2e build leaves it where the page bench reads it: our isolated world, not the page's. */
    const clock = new TaskClock();
    if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __reportlensTaskClock: clock });
    let lens: PageLens | undefined;
    let lensScope: AbortController | undefined;
    const stopLens = () => {
      lensScope?.abort();
      lens = undefined;
      showCard(undefined);
    };
    const startLens = async () => {
      stopLens();
      const scope = (lensScope = new AbortController());
      if (!(await isSiteEnabled(location.hostname)) || scope.signal.aborted) return;
      const [dictionary, style, privateOn] = await Promise.all([
        workerMessenger.sendMessage('getTabDictionary', undefined),
        markStyle(),
        privateMarks(),
      ]);
      if (scope.signal.aborted) return;
      lens = runPageLens({
        doc: document,
        url: location.href,
        signal: AbortSignal.any([ctx.signal, scope.signal]),
        dictionary,
        pageNames: (text) => workerMessenger.sendMessage('getPageNames', { text }),
        fetchReports: async (id) => (await workerMessenger.sendMessage('getRelatedReports', { ids: [id] }))[0],
        showCard,
        prepareCard: () => void (cardView ?? loadCardView()),
        ownUi: CARD_HOST,
        onMarked: (ids) => {
          void workerMessenger.sendMessage('showPageMarks', { ids }).catch(() => undefined);
          if (ids.length) prefetchCardView();
        },
        isOverCard: (target) => target === ui.shadowHost,
        markStyle: style,
        privateMarks: privateOn,
        clock,
        overlayLayer: () => {
          const layer = (overlay = ui.shadow.appendChild(document.createElement('div')));
          // The layer goes with its lens, so a lens without one (private marks turned off) lets the host leave again.
          scope.signal.addEventListener('abort', () => {
            layer.remove();
            if (overlay === layer) overlay = undefined;
          });
          if (!ui.shadowHost.isConnected) ui.mount();
          return layer;
        },
      });
      await lens.ready;
    };

    tabMessenger.onMessage('getPageSecurities', () => lens?.pageSecurities() ?? { url: location.href, securities: [] });
    tabMessenger.onMessage('refreshMarks', () => startLens());
    // The user turned this site off or on in the popup.
    const unwatch = watchDisabledSites((disabled) => void (disabled.includes(location.hostname) ? stopLens() : startLens()));
    ctx.onInvalidated(unwatch);
    ctx.onInvalidated(watchMarkAllKnown(() => void startLens()));
    // Private marks draw in another place: the lens starts again, drawing there.
    ctx.onInvalidated(watchPrivateMarks(() => void startLens()));
    ctx.onInvalidated(watchMarkStyle((style) => lens?.setMarkStyle(style)));
    // Single-page apps change the URL without a reload: the page's own security may have changed with it.
    ctx.addEventListener(window, 'wxt:locationchange', () => void startLens());
    ctx.onInvalidated(() => tabMessenger.removeAllListeners());
    await startLens();
  },
});
