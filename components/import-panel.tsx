import { useState } from 'preact/hooks';
import type { ImportProgress, ImportResult } from '../lib/import/import-result';
import { useText } from './ui-text';

export interface ImportPanelProps {
  progress: ImportProgress | undefined;
  result: ImportResult | undefined;
  onImport: (files: File[]) => void;
  /** A drop may hold folders; the owner expands them. */
  onDropItems: (items: DataTransferItemList) => void;
  onLoadDemo: () => void;
}

/** File types the pickers offer. */
const ACCEPTED = '.md,.markdown,.mdx,.html,.htm,.txt,.pdf,.zip,.json';

/** Import: files, a folder or a drop; a progress bar while it runs; what became of every file at the end. */
export function ImportPanel({ progress, result, onImport, onDropItems, onLoadDemo }: ImportPanelProps) {
  const t = useText();
  const [dragging, setDragging] = useState(false);
  const pick = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files?.length) onImport([...input.files]);
    input.value = '';
  };
  const busy = progress !== undefined && progress.phase !== 'done';
  return (
    <section aria-label={t('import.section')}>
      <h2>{t('import.section')}</h2>
      <div
        class="rl-drop"
        data-active={String(dragging)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer?.items.length) onDropItems(event.dataTransfer.items);
        }}
      >
        <p>{t('import.drop')}</p>
        <div class="rl-actions" style={{ justifyContent: 'center' }}>
          <label class="rl-file-button">
            {t('import.files')}
            <input type="file" multiple accept={ACCEPTED} disabled={busy} onChange={pick} data-testid="import-files" />
          </label>
          <label class="rl-file-button">
            {t('import.folder')}
            <input type="file" {...{ webkitdirectory: true }} disabled={busy} onChange={pick} data-testid="import-folder" />
          </label>
          <button type="button" disabled={busy} onClick={onLoadDemo}>
            {t('import.demo')}
          </button>
        </div>
      </div>
      {progress && (
        <div role="status" aria-live="polite">
          <progress max={Math.max(progress.bytesTotal, 1)} value={progress.phase === 'done' ? progress.bytesTotal : progress.bytesRead} />
          <p>
            {t('import.progress', {
              phase: t(
                progress.phase === 'done'
                  ? 'import.phase.done'
                  : progress.phase === 'writing'
                    ? 'import.phase.writing'
                    : 'import.phase.reading',
              ),
              read: progress.read,
              parsed: progress.parsed,
              written: progress.written,
            })}
          </p>
        </div>
      )}
      {result && <ImportResultTable result={result} />}
    </section>
  );
}

/** A file's outcome as a row. */
interface OutcomeRow {
  file: string;
  outcome: 'imported' | 'duplicate' | 'failed';
  detail: string;
}

function OutcomeTable({ rows, label }: { rows: OutcomeRow[]; label: string }) {
  const t = useText();
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>{t('import.col.file')}</th>
          <th>{t('import.col.result')}</th>
          <th>{t('import.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} class={row.outcome === 'failed' ? 'rl-failed' : undefined}>
            <td>{row.outcome === 'failed' ? t('reason', { reason: row.file }) : row.file}</td>
            <td>{t(`import.outcome.${row.outcome}`)}</td>
            <td>{row.outcome === 'failed' ? t('reason', { reason: row.detail }) : row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What became of an import, collapsed: the summary line, the failures listed (what needs the reader's attention),
 * and every file behind a disclosure, rendered only when opened (a 5,000-post zip is 5,000 rows).
 */
function ImportResultTable({ result }: { result: ImportResult }) {
  const t = useText();
  const [showAll, setShowAll] = useState(false);
  const failed = result.failed.map((file): OutcomeRow => ({ file: file.file, outcome: 'failed', detail: file.reason }));
  const all = () => [
    ...result.imported.map((file): OutcomeRow => ({ file: file.file, outcome: 'imported', detail: file.title })),
    ...result.duplicates.map((file): OutcomeRow => ({ file: file.file, outcome: 'duplicate', detail: file.title })),
    ...failed,
  ];
  const count = result.imported.length + result.duplicates.length + failed.length;
  return (
    <>
      <p data-testid="import-summary">
        {t('import.summary', { imported: result.imported.length, duplicates: result.duplicates.length, failed: result.failed.length })}
      </p>
      {failed.length > 0 && (
        <details open>
          <summary>{t('import.failures', { n: failed.length })}</summary>
          <OutcomeTable rows={failed} label={t('import.failures', { n: failed.length })} />
        </details>
      )}
      <details onToggle={(event) => setShowAll(event.currentTarget.open)}>
        <summary>{t('import.allFiles', { n: count })}</summary>
        {showAll && <OutcomeTable rows={all()} label={t('import.resultTable')} />}
      </details>
    </>
  );
}
