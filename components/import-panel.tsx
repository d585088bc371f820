import { useState } from 'preact/hooks';
import type { ImportProgress, ImportResult } from '../lib/import/import-report-files';
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
          <label>
            {t('import.files')} <input type="file" multiple accept={ACCEPTED} disabled={busy} onChange={pick} data-testid="import-files" />
          </label>
          <label>
            {t('import.folder')}{' '}
            <input type="file" {...{ webkitdirectory: '' }} disabled={busy} onChange={pick} data-testid="import-folder" />
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

function ImportResultTable({ result }: { result: ImportResult }) {
  const t = useText();
  const rows = [
    ...result.imported.map((file) => ({ file: file.file, outcome: 'imported' as const, detail: file.title })),
    ...result.duplicates.map((file) => ({ file: file.file, outcome: 'duplicate' as const, detail: file.title })),
    ...result.failed.map((file) => ({ file: file.file, outcome: 'failed' as const, detail: file.reason })),
  ];
  return (
    <>
      <p data-testid="import-summary">
        {t('import.summary', { imported: result.imported.length, duplicates: result.duplicates.length, failed: result.failed.length })}
      </p>
      <table aria-label={t('import.resultTable')}>
        <thead>
          <tr>
            <th>{t('import.col.file')}</th>
            <th>{t('import.col.result')}</th>
            <th>{t('import.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.file + row.outcome} class={row.outcome === 'failed' ? 'rl-failed' : undefined}>
              <td>{row.file}</td>
              <td>{t(`import.outcome.${row.outcome}`)}</td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
