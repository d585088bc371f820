import type { ImportBatch } from '../lib/db/database';
import { useText } from './ui-text';

/** The import runs, newest first: when, how many imported, already there, failed (with the files and reasons). */
export function ImportHistory({ history }: { history: ImportBatch[] }) {
  const t = useText();
  if (!history.length) return <p>{t('history.empty')}</p>;
  return (
    <table aria-label={t('history.label')}>
      <thead>
        <tr>
          <th>{t('history.when')}</th>
          <th>{t('history.imported')}</th>
          <th>{t('history.duplicates')}</th>
          <th>{t('history.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((batch) => (
          <tr key={batch.id}>
            <td>{(batch.finishedAt ?? batch.startedAt).slice(0, 19).replace('T', ' ')}</td>
            <td>{batch.imported}</td>
            <td>{batch.duplicates}</td>
            <td>
              {batch.failed.length ? (
                <details>
                  <summary>{batch.failed.length}</summary>
                  <ul>
                    {batch.failed.map((failure, i) => (
                      <li key={i}>{t('history.failure', { file: t('reason', { reason: failure.file }), reason: failure.reason })}</li>
                    ))}
                  </ul>
                </details>
              ) : (
                0
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
