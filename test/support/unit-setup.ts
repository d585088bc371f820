import 'fake-indexeddb/auto';
import { DOMParser } from 'linkedom';

/** Report parsing reads HTML through `DOMParser`, as the library page does; linkedom stands in for it in Node. */
globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
