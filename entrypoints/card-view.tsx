// The hover card, loaded only when a card first opens on a page (see lib/page/card-view.ts): the worker injects this
// script into our isolated world. The card's styles go into its shadow root as text: no stylesheet file for pages to
// probe (nothing web-accessible).
import digestCss from '~/components/report-digest.css?inline';
import cardCss from '~/components/hover-card.css?inline';
import { render } from 'preact';
import { HoverCard } from '~/components/hover-card';
import { cardTranslator, CardText } from '~/components/ui-text';
import { registerCardView } from '~/lib/page/card-view';
import { pageColorScheme } from '~/lib/page/page-scheme';

/** Shadow roots given the card's styles (one style element each). */
const styled = new WeakSet<Node>();

export default defineUnlistedScript(() => {
  registerCardView({
    render(container, request) {
      if (!request) return render(null, container);
      const root = container.getRootNode();
      if (!styled.has(root)) {
        styled.add(root);
        const style = document.createElement('style');
        style.textContent = `${digestCss}\n${cardCss}`;
        container.before(style);
      }
      const { mark, security, anchor } = request.state;
      render(
        <CardText.Provider value={cardTranslator(request.locale)}>
          <HoverCard
            markedText={mark.mention.text}
            rule={mark.mention.rule}
            security={security}
            anchor={anchor}
            viewport={{ width: window.innerWidth, height: window.innerHeight }}
            scheme={pageColorScheme(document)}
            onOpenReport={request.onOpenReport}
            onOpenSecurity={request.onOpenSecurity}
            onClose={request.onClose}
            onNotThisSecurity={request.onNotThisSecurity}
          />
        </CardText.Provider>,
        container,
      );
    },
  });
});
