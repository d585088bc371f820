import { openLibraryDatabase } from '~/lib/db/database';
import { serveWorkerRequests } from '~/lib/messaging/serve-worker-requests';
import { createWorkerHandlers } from '~/lib/worker/worker-handlers';

export default defineBackground({
  main() {
    const db = openLibraryDatabase();
    const openLibraryPage = async (hash: string) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
    };
    serveWorkerRequests(createWorkerHandlers(db, openLibraryPage), {
      id: browser.runtime.id,
      pageOrigin: browser.runtime.getURL('/'),
    });
  },
});
