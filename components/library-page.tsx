import type { ImportProgress, ImportResult } from '../lib/import/import-report-files';
import { ImportPanel } from './import-panel';
import { AliasList, type AliasListProps } from './alias-list';
import { LibraryTools, type LibraryToolsProps } from './library-tools';
import { SettingsPanel, type SettingsPanelProps } from './settings-panel';
import { ReportDetail, type ReportDetailProps } from './report-detail';
import type { ReportFilter } from '../lib/library/report-filter';
import { ReportFilters } from './report-filters';
import { ReportTable, type ReportRow } from './report-table';
import { useText } from './ui-text';

export interface LibraryPageProps extends LibraryToolsProps, AliasListProps, SettingsPanelProps {
  /** The reports the filter lets through, and how many there are in all. */
  reports: ReportRow[];
  total: number;
  filter: ReportFilter;
  sources: string[];
  onFilter: (filter: ReportFilter) => void;
  opened: ReportDetailProps['report'] | undefined;
  progress: ImportProgress | undefined;
  result: ImportResult | undefined;
  onImport: (files: File[]) => void;
  onDropItems: (items: DataTransferItemList) => void;
  onLoadDemo: () => void;
  onOpen: (id: string | undefined) => void;
  onDelete: (id: string) => void;
  /** Opens a PDF report's stored original. */
  onOpenPdf?: (id: string) => void;
}

/** The full-tab library page: import, the reports, one report. */
export function LibraryPage(props: LibraryPageProps) {
  const t = useText();
  return (
    <main class="rl-library">
      <h1>{t('library.title')}</h1>
      {props.opened ? (
        <ReportDetail report={props.opened} onBack={() => props.onOpen(undefined)} onDelete={props.onDelete} onOpenPdf={props.onOpenPdf} />
      ) : (
        <>
          <ImportPanel
            progress={props.progress}
            result={props.result}
            onImport={props.onImport}
            onDropItems={props.onDropItems}
            onLoadDemo={props.onLoadDemo}
          />
          <LibraryTools
            status={props.status}
            onImportSecurityList={props.onImportSecurityList}
            onExportBackup={props.onExportBackup}
            onReindex={props.onReindex}
          />
          <SettingsPanel {...props} />
          <AliasList {...props} />
          <section aria-label={t('table.label')}>
            <h2>
              {t('library.reports', {
                count: props.reports.length === props.total ? props.total : `${props.reports.length} / ${props.total}`,
              })}
            </h2>
            <ReportFilters filter={props.filter} sources={props.sources} onChange={props.onFilter} />
            <ReportTable reports={props.reports} onOpen={props.onOpen} />
          </section>
        </>
      )}
    </main>
  );
}
