import type { TaskStatus } from '../lib/library/library-store';
import { say } from '../lib/i18n/messages';
import { useText } from './ui-text';

/** What the tools last did, shown under them. */
export type ToolStatus = TaskStatus;

export interface LibraryToolsProps {
  status: ToolStatus;
  onImportSecurityList: (file: File) => void;
  onExportBackup: () => void;
  onReindex: () => void;
  /** Stops a running re-index before it writes anything. */
  onCancel: () => void;
}

/** Security lists, backup and re-index: the library's maintenance, one row of controls. */
export function LibraryTools({ status, onImportSecurityList, onExportBackup, onReindex, onCancel }: LibraryToolsProps) {
  const t = useText();
  const busy = status.kind === 'busy';
  return (
    <section aria-label={t('tools.section')}>
      <h2>{t('tools.section')}</h2>
      <div class="rl-actions">
        <label class="rl-file-button">
          {t('tools.listButton')}
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
        <span class="rl-counts">{t('tools.listFormats')}</span>
        <button type="button" disabled={busy} onClick={onExportBackup}>
          {t('tools.export')}
        </button>
        <button type="button" disabled={busy} onClick={onReindex}>
          {t('tools.reindex')}
        </button>
      </div>
      {status.kind === 'busy' && status.total !== undefined && <progress max={Math.max(status.total, 1)} value={status.done ?? 0} />}
      {status.kind !== 'idle' && (
        <p role="status" data-testid="tool-status" class={status.kind === 'failed' ? 'rl-failed' : undefined}>
          {say(t, status.message)}
          {status.kind === 'done' && status.failures && (
            <>
              {' '}
              {t('tools.reindexFailed', {
                list: status.failures.map((f) => t('history.failure', { file: f.file, reason: f.reason })).join('; '),
              })}
            </>
          )}
        </p>
      )}
      {status.kind === 'busy' && status.cancellable && (
        <button type="button" onClick={onCancel}>
          {t('tools.cancel')}
        </button>
      )}
    </section>
  );
}
