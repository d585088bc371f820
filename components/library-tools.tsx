/** What the tools last did, shown under them. */
export type ToolStatus =
  { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

export interface LibraryToolsProps {
  status: ToolStatus;
  onImportSecurityList: (file: File) => void;
  onExportBackup: () => void;
  onReindex: () => void;
}

/** Security lists, backup and re-index: the library's maintenance, one row of controls. */
export function LibraryTools({ status, onImportSecurityList, onExportBackup, onReindex }: LibraryToolsProps) {
  const busy = status.kind === 'busy';
  return (
    <section aria-label="Library tools">
      <h2>Securities, backup and re-index</h2>
      <div class="rl-actions">
        <label>
          Import a security list (stocks.index.json, HKEX CSV, NASDAQ Trader file, or <code>code,name,aliases</code> CSV){' '}
          <input
            type="file"
            accept=".json,.csv,.txt"
            disabled={busy}
            data-testid="import-security-list"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) onImportSecurityList(file);
              input.value = '';
            }}
          />
        </label>
        <button type="button" disabled={busy} onClick={onExportBackup}>
          Export backup
        </button>
        <button type="button" disabled={busy} onClick={onReindex}>
          Re-index library
        </button>
      </div>
      {status.kind !== 'idle' && (
        <p role="status" data-testid="tool-status" class={status.kind === 'failed' ? 'rl-failed' : undefined}>
          {status.message}
        </p>
      )}
    </section>
  );
}
