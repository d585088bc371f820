import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate } from '../lib/i18n/messages';

/** The interface language of a view tree; entry points provide it from the browser's languages. English by default. */
export const UiText = createContext<Translate>(translator('en'));

/** The current view's translator. */
export const useText = (): Translate => useContext(UiText);
