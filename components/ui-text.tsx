import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CARD_EN, CARD_ZH } from '../lib/i18n/card-messages';
import type { MessageKey } from '../lib/i18n/messages';
import { translatorOf, type Translate, type UiLocale } from '../lib/i18n/translate';

/**
 * The card's translator: only the card's messages, so the content script does not carry the whole interface. The
 * card's components ask for card keys only; extension pages provide the full translator instead.
 */
export const cardTranslator = (locale: UiLocale) => translatorOf(locale === 'zh' ? CARD_ZH : CARD_EN) as Translate<MessageKey>;

/** The interface language of a view tree; entry points provide it. Defaults to the English card messages. */
export const UiText = createContext<Translate<MessageKey>>(cardTranslator('en'));

/** The current view's translator. */
export const useText = (): Translate<MessageKey> => useContext(UiText);
