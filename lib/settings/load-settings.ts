import { grantedAddedSites } from '../permissions/added-sites';
import { languageChoice, markAllKnown, markStyle, privateMarks, type LanguageChoice, type MarkStyle } from './display-settings';
import { disabledSites } from './site-settings';

/** The settings as stored; the library page reads them and follows their changes. */
export interface Settings {
  markAll: boolean;
  markStyle: MarkStyle;
  /** Marks drawn where page scripts cannot read them (boxes in our shadow root, not the page's highlight registry). */
  privateMarks: boolean;
  language: LanguageChoice;
  /** Hosts and domains marking is off on. */
  disabledSites: string[];
  /** Domains beyond the finance list the user allowed (and the browser granted). */
  addedSites: string[];
}

/** Every setting the library page shows, as stored now (added sites only while their access is granted). */
export async function loadSettings(): Promise<Settings> {
  const [markAll, style, privateOn, language, disabled, added] = await Promise.all([
    markAllKnown(),
    markStyle(),
    privateMarks(),
    languageChoice(),
    disabledSites(),
    grantedAddedSites(),
  ]);
  return { markAll, markStyle: style, privateMarks: privateOn, language, disabledSites: disabled, addedSites: added };
}
