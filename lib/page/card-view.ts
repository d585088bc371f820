import type { UiLocale } from '../i18n/translate';
import type { CardState } from './run-page-lens';

/** What the card shows and can do, as the content script hands it to the card view. */
export interface CardRequest {
  state: CardState;
  locale: UiLocale;
  onOpenReport: (reportId: string) => void;
  onOpenSecurity: (securityId: CardState['mark']['mention']['id']) => void;
  onClose: () => void;
  onNotThisSecurity: () => void;
}

/**
 * The hover card's view (Preact, the card's components, its messages in both languages and its styles): a script
 * of its own (`card-view.js`), which the worker injects into the tab the first time a card opens there, so pages
 * without a card never load it. It runs in our isolated world, where the page cannot see it.
 */
export interface CardView {
  /** Draws the card into `container` (inside our closed shadow root), or clears it when `request` is undefined. */
  render(container: HTMLElement, request: CardRequest | undefined): void;
}

/** Where the card view registers itself in our isolated world (the page's world has no such property). */
const CARD_VIEW_KEY = '__reportlensCardView';

/** Registers the card view (in `card-view.js`). */
export function registerCardView(view: CardView): void {
  Object.assign(globalThis, { [CARD_VIEW_KEY]: view });
}

/** The card view, once its script has run in this world. */
export function loadedCardView(): CardView | undefined {
  return (globalThis as Record<string, unknown>)[CARD_VIEW_KEY] as CardView | undefined;
}

/** The card view's script, as the worker injects it (`/card-view.js`, WXT's unlisted script `entrypoints/card-view.tsx`). */
export const CARD_VIEW_SCRIPT = '/card-view.js';
