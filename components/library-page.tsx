import type { ImportProgress, ImportResult } from '../lib/import/import-report-files';
import { ImportPanel } from './import-panel';
import { LibraryTools, type LibraryToolsProps } from './library-tools';
import { ReportDetail, type ReportDetailProps } from './report-detail';
import { ReportTable, type ReportRow } from './report-table';

export interface LibraryPageProps extends LibraryToolsProps {
  reports: ReportRow[];
  opened: ReportDetailProps['report'] | undefined;
  progress: ImportProgress | undefined;
  result: ImportResult | undefined;
  onImport: (files: File[]) => void;
  onDropItems: (items: DataTransferItemList) => void;
  onLoadDemo: () => void;
  onOpen: (id: string | undefined) => void;
}

/** The full-tab library page: import, the reports, one report. */
export function LibraryPage(props: LibraryPageProps) {
  return (
    <main class="rl-library">
      <h1>ReportLens library 研报库</h1>
      {props.opened ? (
        <ReportDetail report={props.opened} onBack={() => props.onOpen(undefined)} />
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
          <section aria-label="Reports">
            <h2>Reports ({props.reports.length})</h2>
            <ReportTable reports={props.reports} onOpen={props.onOpen} />
          </section>
        </>
      )}
    </main>
  );
}
