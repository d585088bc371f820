import { useState } from 'preact/hooks';
import type { AliasOverview } from '../lib/db/alias-queries';
import type { StoredAlias, StoredBlock } from '../lib/db/database';
import { securityOfInput } from '../lib/securities/security-id';
import { useText } from './ui-text';

type AliasKey = Pick<StoredAlias, 'alias' | 'securityId'>;

export interface AliasListProps {
  overview: AliasOverview;
  /** Blocks a learned alias: it goes, and no report teaches it again (a plain removal came back at the next re-index). */
  onBlockAlias: (alias: AliasKey) => void;
  onEditAlias: (alias: AliasKey, next: AliasKey) => void;
  onRemoveList: (from: string) => void;
  onUnblock: (block: AliasKey) => void;
}

/** The names the user blocked, each with the security it is not, and a way back. */
function BlockList({ blocks, onUnblock }: { blocks: StoredBlock[]; onUnblock: (block: AliasKey) => void }) {
  const t = useText();
  return (
    <>
      <h3>{t('blocks.section')}</h3>
      <p>{t('blocks.intro')}</p>
      <table aria-label={t('blocks.section')}>
        <thead>
          <tr>
            <th>{t('blocks.alias')}</th>
            <th>{t('blocks.security')}</th>
            <th>{t('blocks.when')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {blocks.map((block) => (
            <tr key={`${block.alias}\u0000${block.securityId}`}>
              <td>{block.alias}</td>
              <td>{block.securityId}</td>
              <td>{block.blockedAt.slice(0, 10)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onUnblock(block)}
                  aria-label={t('blocks.unblockName', { alias: block.alias, id: block.securityId })}
                >
                  {t('blocks.unblock')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** One learned alias being corrected: its name and security code as inputs, saved together. */
function AliasEditor({ alias, onSave, onCancel }: { alias: StoredAlias; onSave: (next: AliasKey) => void; onCancel: () => void }) {
  const t = useText();
  const [name, setName] = useState(alias.alias);
  const [code, setCode] = useState(alias.securityId as string);
  const [error, setError] = useState('');
  const save = () => {
    const securityId = securityOfInput(code);
    if (!name.trim()) return setError(t('aliases.noName'));
    if (!securityId) return setError(t('aliases.badCode', { code }));
    onSave({ alias: name.trim(), securityId });
  };
  return (
    <tr>
      <td>
        <input type="text" value={name} aria-label={t('aliases.alias')} onInput={(event) => setName(event.currentTarget.value)} />
      </td>
      <td>
        <input type="text" value={code} aria-label={t('aliases.code')} onInput={(event) => setCode(event.currentTarget.value)} />
        {error && (
          <p role="alert" class="rl-failed">
            {error}
          </p>
        )}
      </td>
      <td>{alias.from}</td>
      <td>
        <button type="button" onClick={save}>
          {t('aliases.save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('aliases.cancel')}
        </button>
      </td>
    </tr>
  );
}

/**
 * The names the user added: imported security lists (removable), aliases learned from reports (editable, blockable),
 * and the names the user blocked (unblockable).
 */
export function AliasList({ overview, onBlockAlias, onEditAlias, onRemoveList, onUnblock }: AliasListProps) {
  const t = useText();
  const [editing, setEditing] = useState<string | undefined>();
  const keyOf = (alias: AliasKey) => `${alias.alias}\u0000${alias.securityId}`;
  return (
    <section aria-label={t('aliases.section')}>
      <h2>{t('aliases.section')}</h2>
      {overview.lists.length === 0 && overview.learned.length === 0 && overview.blocks.length === 0 && <p>{t('aliases.none')}</p>}
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
            {overview.learned.map((alias) =>
              editing === keyOf(alias) ? (
                <AliasEditor
                  key={keyOf(alias)}
                  alias={alias}
                  onCancel={() => setEditing(undefined)}
                  onSave={(next) => {
                    setEditing(undefined);
                    onEditAlias(alias, next);
                  }}
                />
              ) : (
                <tr key={keyOf(alias)}>
                  <td>{alias.alias}</td>
                  <td>{alias.securityId}</td>
                  <td>{alias.from}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setEditing(keyOf(alias))}
                      aria-label={t('aliases.editAlias', { alias: alias.alias })}
                    >
                      {t('aliases.edit')}
                    </button>{' '}
                    <button type="button" onClick={() => onBlockAlias(alias)} aria-label={t('blocks.blockAlias', { alias: alias.alias })}>
                      {t('blocks.block')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {overview.blocks.length > 0 && <BlockList blocks={overview.blocks} onUnblock={onUnblock} />}
    </section>
  );
}
