import { useState } from 'preact/hooks';
import type { ImportProgress, ImportResult } from '../lib/import/import-report-files';

export interface ImportPanelProps {
  progress: ImportProgress | undefined;
  result: ImportResult | undefined;
  onImport: (files: File[]) => void;
  /** A drop may hold folders; the owner expands them. */
  onDropItems: (items: DataTransferItemList) => void;
  onLoadDemo: () => void;
}

/** File types the pickers offer. */
const ACCEPTED = '.md,.markdown,.mdx,.html,.htm,.txt,.zip,.json';

/** Import: files, a folder or a drop; a progress bar while it runs; what became of every file at the end. */
export function ImportPanel({ progress, result, onImport, onDropItems, onLoadDemo }: ImportPanelProps) {
  const [dragging, setDragging] = useState(false);
  const pick = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files?.length) onImport([...input.files]);
    input.value = '';
  };
  const busy = progress !== undefined && progress.phase !== 'done';
  return (
    <section aria-label="Import reports">
      <h2>Import reports</h2>
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
        <p>Drop Markdown, HTML or text files, folders or zips of them, or a ReportLens backup here, or choose:</p>
        <div class="rl-actions" style={{ justifyContent: 'center' }}>
          <label>
            Files <input type="file" multiple accept={ACCEPTED} disabled={busy} onChange={pick} data-testid="import-files" />
          </label>
          <label>
            Folder <input type="file" {...{ webkitdirectory: '' }} disabled={busy} onChange={pick} data-testid="import-folder" />
          </label>
          <button type="button" disabled={busy} onClick={onLoadDemo}>
            Load the demo library
          </button>
        </div>
      </div>
      {progress && (
        <div role="status" aria-live="polite">
          <progress max={Math.max(progress.bytesTotal, 1)} value={progress.phase === 'done' ? progress.bytesTotal : progress.bytesRead} />
          <p>
            {progress.phase === 'done' ? 'Done' : progress.phase === 'writing' ? 'Writing…' : 'Reading…'} · {progress.read} files read ·{' '}
            {progress.parsed} parsed · {progress.written} written
          </p>
        </div>
      )}
      {result && <ImportResultTable result={result} />}
    </section>
  );
}

function ImportResultTable({ result }: { result: ImportResult }) {
  const rows = [
    ...result.imported.map((file) => ({ file: file.file, outcome: 'imported', detail: file.title })),
    ...result.duplicates.map((file) => ({ file: file.file, outcome: 'already in library', detail: file.title })),
    ...result.failed.map((file) => ({ file: file.file, outcome: 'failed', detail: file.reason })),
  ];
  return (
    <>
      <p data-testid="import-summary">
        {result.imported.length} imported · {result.duplicates.length} already in library · {result.failed.length} failed
      </p>
      <table aria-label="Import result">
        <thead>
          <tr>
            <th>File</th>
            <th>Result</th>
            <th>Title or reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.file + row.outcome} class={row.outcome === 'failed' ? 'rl-failed' : undefined}>
              <td>{row.file}</td>
              <td>{row.outcome}</td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
