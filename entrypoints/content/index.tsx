// The card's styles go into its shadow root as text: no stylesheet file for pages to probe (nothing web-accessible).
import digestCss from '~/components/report-digest.css?inline';
import cardCss from '~/components/hover-card.css?inline';
import { render } from 'preact';
import { HoverCard } from '~/components/hover-card';
import { cardTranslator, CardText } from '~/components/ui-text';
import { tabMessenger, workerMessenger } from '~/lib/messaging/protocol';
import { pageColorScheme } from '~/lib/page/page-scheme';
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

export default defineContentScript({
  matches: FINANCE_SITE_MATCHES,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: CARD_HOST,
      mode: 'closed',
      css: `${digestCss}\n${cardCss}`,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: () => undefined,
      onRemove: () => render(null, ui.uiContainer),
    });
    let text = cardTranslator(resolveLocale(await languageChoice(), navigator.languages));
    ctx.onInvalidated(watchLanguageChoice((choice) => void (text = cardTranslator(resolveLocale(choice, navigator.languages)))));
    /**
     * The layer of drawn marks (private marks, or the fallback without highlights) keeps our host in the page; without
     * it the host leaves with the card.
     */
    let overlay: HTMLElement | undefined;
    const showCard = (state: CardState | undefined) => {
      if (!state) return overlay ? render(null, ui.uiContainer) : ui.remove();
      if (!ui.shadowHost.isConnected) ui.mount();
      const { mention } = state.mark;
      render(
        <CardText.Provider value={text}>
          <HoverCard
            markedText={mention.text}
            rule={mention.rule}
            security={state.security}
            anchor={state.anchor}
            viewport={{ width: window.innerWidth, height: window.innerHeight }}
            scheme={pageColorScheme(document)}
            onOpenReport={(reportId) => void workerMessenger.sendMessage('openReport', { reportId })}
            onOpenSecurity={(securityId) => void workerMessenger.sendMessage('openSecurity', { securityId })}
            onClose={() => showCard(undefined)}
            onNotThisSecurity={() =>
              void workerMessenger.sendMessage('askNotThisSecurity', { name: mention.text.slice(0, 100), id: mention.id })
            }
          />
        </CardText.Provider>,
        ui.uiContainer,
      );
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
        fetchReports: async (id) => (await workerMessenger.sendMessage('getRelatedReports', { ids: [id] }))[0],
        showCard,
        ownUi: CARD_HOST,
        onMarked: (ids) => void workerMessenger.sendMessage('showPageMarks', { ids }).catch(() => undefined),
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
