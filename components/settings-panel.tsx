import { useText } from './ui-text';

export interface SettingsPanelProps {
  markAll: boolean;
  onMarkAll: (on: boolean) => void;
}

/** Settings of the marks on pages. Per-site on/off lives in the popup, where the site is. */
export function SettingsPanel({ markAll, onMarkAll }: SettingsPanelProps) {
  const t = useText();
  return (
    <section aria-label={t('settings.section')}>
      <h2>{t('settings.section')}</h2>
      <label>
        <input type="checkbox" checked={markAll} onChange={(event) => onMarkAll(event.currentTarget.checked)} /> {t('settings.markAll')}
      </label>
    </section>
  );
}
