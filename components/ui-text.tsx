import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CARD_EN, CARD_ZH, type CardMessageKey } from '../lib/i18n/card-messages';
import type { MessageKey } from '../lib/i18n/messages';
import { translatorOf, type Translate, type UiLocale } from '../lib/i18n/translate';

/** The card's translator: only the card's messages, so the content script does not carry the whole interface. */
export const cardTranslator = (locale: UiLocale): Translate<CardMessageKey> => translatorOf(locale === 'zh' ? CARD_ZH : CARD_EN);

/**
 * Every message, in extension pages (they provide it). Absent in the content script, which carries only the card's
 * messages: there {@link CardText} is provided instead.
 */
export const UiText = createContext<Translate<MessageKey> | undefined>(undefined);

/** The card's messages, where only they are known (the content script). Defaults to English. */
export const CardText = createContext<Translate<CardMessageKey>>(cardTranslator('en'));

/** The current view's translator, knowing every message: for views of extension pages only. */
export const useText = (): Translate<MessageKey> => {
  const text = useContext(UiText);
  if (!text) throw new Error('useText needs an extension page’s UiText provider; card views use useCardText');
  return text;
};

/** The translator of card views (card, digest, timeline): the page's full one, else the content script's card one. */
export const useCardText = (): Translate<CardMessageKey> => {
  const page = useContext(UiText);
  const card = useContext(CardText);
  return page ?? card;
};
