import '~/components/extension-page.css';
import { render } from 'preact';
import { LibraryPage, type LibraryPageProps } from '~/components/library-page';
import { openLibraryDatabase } from '~/lib/db/database';
import { demoLibraryFiles } from '~/lib/import/demo-library';
import type { ImportSource } from '~/lib/import/import-report-files';
import { runLibraryImport } from '~/lib/import/run-library-import';
import { workerMessenger } from '~/lib/messaging/protocol';

/** Wiring of the library page: the database, the import pipeline and the view; the URL hash names the open report. */
async function main() {
  const db = openLibraryDatabase();
  const app = document.getElementById('app')!;
  const notifyLibraryChanged = () => workerMessenger.sendMessage('libraryChanged', undefined);
  let state: Omit<LibraryPageProps, 'onImport' | 'onLoadDemo' | 'onOpen'> = {
    reports: [],
    opened: undefined,
    progress: undefined,
    result: undefined,
  };

  const update = (patch: Partial<typeof state>) => {
    state = { ...state, ...patch };
    render(
      <LibraryPage
        {...state}
        onImport={(files) => void importFiles(files)}
        onLoadDemo={() => void importFiles(demoLibraryFiles())}
        onOpen={openReport}
      />,
      app,
    );
  };
  const refresh = async () => {
    const reports = await db.reports.orderBy('date').reverse().toArray();
    const undated = await db.reports.filter((report) => !report.date).toArray();
    const reportId = /^#report=([0-9a-f]{64})$/.exec(location.hash)?.[1];
    update({ reports: [...reports, ...undated], opened: reportId ? await db.reports.get(reportId) : undefined });
  };
  const importFiles = async (files: ImportSource[]) => {
    update({ result: undefined });
    const result = await runLibraryImport(db, files, notifyLibraryChanged, (progress) => update({ progress }));
    update({ result });
    await refresh();
  };
  const openReport = (id: string | undefined) => {
    location.hash = id ? `report=${id}` : '';
  };

  addEventListener('hashchange', () => void refresh());
  void navigator.storage?.persist?.();
  await refresh();
}

void main();
