import type { Settings } from '../../components/settings-panel';
import { grantedAddedSites } from '../permissions/added-sites';
import { languageChoice, markAllKnown, markStyle, privateMarks } from './display-settings';
import { disabledSites } from './site-settings';

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
