import type { AliasOverview } from '../lib/db/alias-queries';
import type { StoredAlias } from '../lib/db/database';
import { useText } from './ui-text';

export interface AliasListProps {
  overview: AliasOverview;
  onRemoveAlias: (alias: Pick<StoredAlias, 'alias' | 'securityId'>) => void;
  onRemoveList: (from: string) => void;
}

/** The names the user added: imported security lists, and aliases learned from reports, each removable. */
export function AliasList({ overview, onRemoveAlias, onRemoveList }: AliasListProps) {
  const t = useText();
  return (
    <section aria-label={t('aliases.section')}>
      <h2>{t('aliases.section')}</h2>
      {overview.lists.length === 0 && overview.learned.length === 0 && <p>{t('aliases.none')}</p>}
      {overview.lists.length > 0 && (
        <ul aria-label={t('aliases.lists')}>
          {overview.lists.map((list) => (
            <li key={list.from}>
              {t('aliases.list', { from: list.from, n: list.aliases })}{' '}
              <button type="button" onClick={() => onRemoveList(list.from)} aria-label={t('aliases.removeList', { from: list.from })}>
                {t('aliases.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {overview.learned.length > 0 && (
        <table aria-label={t('aliases.learned')}>
          <thead>
            <tr>
              <th>{t('aliases.alias')}</th>
              <th>{t('aliases.security')}</th>
              <th>{t('aliases.from')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {overview.learned.map((alias) => (
              <tr key={alias.alias + alias.securityId}>
                <td>{alias.alias}</td>
                <td>{alias.securityId}</td>
                <td>{alias.from}</td>
                <td>
                  <button type="button" onClick={() => onRemoveAlias(alias)} aria-label={t('aliases.removeAlias', { alias: alias.alias })}>
                    {t('aliases.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
