import 'fake-indexeddb/auto';
import { DOMParser } from 'linkedom';
import { readMasterFromDisk } from '../../lib/securities/master/read-master-file';

/** Report parsing reads HTML through `DOMParser`, as the library page does; linkedom stands in for it in Node. */
globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;

// The securities master is fetched from the extension's own origin in the browser; in Node it is the committed file.
readMasterFromDisk();
