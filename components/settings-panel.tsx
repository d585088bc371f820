import { useState } from 'preact/hooks';
import type { MessageKey } from '../lib/i18n/messages';
import { FINANCE_SITE_MATCHES } from '../lib/permissions/finance-sites';
import { LANGUAGE_CHOICES, MARK_STYLES, type LanguageChoice, type MarkStyle } from '../lib/settings/display-settings';
import { isOnSite } from '../lib/settings/site-settings';
import type { Settings } from '../lib/settings/load-settings';
import { useText } from './ui-text';

export interface SettingsPanelProps {
  settings: Settings;
  /** What became of the last "allow a site" (the panel shows it in a live region). */
  siteMessage: string | undefined;
  onMarkAll: (on: boolean) => void;
  onMarkStyle: (style: MarkStyle) => void;
  onPrivateMarks: (on: boolean) => void;
  onLanguage: (choice: LanguageChoice) => void;
  onSiteEnabled: (site: string, enabled: boolean) => void;
  /** Called straight from the click: the browser asks for a site's access only within a user gesture. */
  onAddSite: (input: string) => void;
  onRemoveSite: (site: string) => void;
}

/** The finance sites of the manifest as the user knows them: `eastmoney.com`, `finance.yahoo.com`, `www.google.com`. */
const FINANCE_SITES = [...new Set(FINANCE_SITE_MATCHES.map((pattern) => pattern.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/.*$/, '')))];

const LANGUAGE_NAMES: Record<Exclude<LanguageChoice, 'auto'>, string> = { zh: '简体中文', en: 'English' };

/** Settings: how marks look and where they appear, the interface language, and which sites ReportLens reads. */
export function SettingsPanel(props: SettingsPanelProps) {
  const t = useText();
  const { settings } = props;
  const [siteInput, setSiteInput] = useState('');
  const enabled = (site: string) => !settings.disabledSites.some((entry) => isOnSite(site, entry));
  return (
    <section aria-label={t('settings.section')} class="rl-settings">
      <h2>{t('settings.section')}</h2>
      <fieldset>
        <legend>{t('settings.marks')}</legend>
        <label>
          <input type="checkbox" checked={settings.markAll} onChange={(event) => props.onMarkAll(event.currentTarget.checked)} />{' '}
          {t('settings.markAll')}
        </label>
        <fieldset>
          <legend>{t('settings.markStyle')}</legend>
          {MARK_STYLES.map((style) => (
            <label key={style} class="rl-choice">
              <input
                type="radio"
                name="mark-style"
                value={style}
                checked={settings.markStyle === style}
                onChange={() => props.onMarkStyle(style)}
              />{' '}
              <span class={`rl-mark-sample rl-mark-${style}`}>{t(`settings.style.${style}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={settings.privateMarks} onChange={(event) => props.onPrivateMarks(event.currentTarget.checked)} />{' '}
          {t('settings.privateMarks')}
        </label>
      </fieldset>
      <label>
        {t('settings.language')}{' '}
        <select value={settings.language} onChange={(event) => props.onLanguage(event.currentTarget.value as LanguageChoice)}>
          {LANGUAGE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'auto' ? t('settings.language.auto') : LANGUAGE_NAMES[choice]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('settings.sites')}</legend>
        <details>
          <summary>{t('settings.financeSites')}</summary>
          <ul class="rl-site-list">
            {FINANCE_SITES.map((site) => (
              <li key={site}>
                <label>
                  <input
                    type="checkbox"
                    checked={enabled(site)}
                    onChange={(event) => props.onSiteEnabled(site, event.currentTarget.checked)}
                  />{' '}
                  {site}
                </label>
              </li>
            ))}
          </ul>
        </details>
        <h3>{t('settings.otherSites')}</h3>
        {settings.addedSites.length === 0 ? (
          <p>{t('settings.noOtherSites')}</p>
        ) : (
          <ul aria-label={t('settings.otherSites')}>
            {settings.addedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => props.onRemoveSite(site)} aria-label={t('settings.removeSite', { site })}>
                  {t('aliases.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onAddSite(siteInput);
          }}
        >
          <label>
            {t('settings.addSite')}{' '}
            <input type="text" value={siteInput} placeholder="example.com" onInput={(event) => setSiteInput(event.currentTarget.value)} />
          </label>{' '}
          <button type="submit">{t('settings.addSiteButton')}</button>
        </form>
        <p role="status">{props.siteMessage ?? ''}</p>
      </fieldset>
    </section>
  );
}
