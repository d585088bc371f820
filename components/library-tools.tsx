import { useText } from './ui-text';

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
  const t = useText();
  const busy = status.kind === 'busy';
  return (
    <section aria-label={t('tools.section')}>
      <h2>{t('tools.section')}</h2>
      <div class="rl-actions">
        <label>
          {t('tools.list')}{' '}
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
          {t('tools.export')}
        </button>
        <button type="button" disabled={busy} onClick={onReindex}>
          {t('tools.reindex')}
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
