import * as v from 'valibot';
import type { GetReturnType, MaybePromise } from '@webext-core/messaging';
import { WORKER_REQUESTS, workerMessenger, type RequestData, type WorkerProtocol, type WorkerRequest } from './protocol';

/** The parts of a message sender the privilege check reads. */
export interface RequestSender {
  id?: string;
  url?: string;
  /** The tab a content script runs in (absent for the extension's own popup). */
  tab?: { id?: number };
  /** The frame within that tab (0: the top frame). */
  frameId?: number;
}

/** Who we are: the extension id and the origin of its pages (`chrome-extension://<id>/`). */
export interface ExtensionIdentity {
  id: string;
  pageOrigin: string;
}

/** Handlers for every worker request: the data is already validated when a handler runs. */
export type WorkerHandlers = {
  // The reply spelled as the messenger reads it, so a handler's reply type-checks where it is registered.
  [K in WorkerRequest]: (data: RequestData<K>, sender: RequestSender) => MaybePromise<GetReturnType<WorkerProtocol[K]>>;
};

/** Raised for a refused request; the sender gets its message, the worker carries on. */
export class RefusedRequest extends Error {}

/**
 * Checks one request: it must come from this extension, from an extension page when it is privileged, and its data
 * must match the schema. Returns the validated data or throws {@link RefusedRequest}.
 */
export function admitRequest<K extends WorkerRequest>(
  type: K,
  data: unknown,
  sender: RequestSender,
  self: ExtensionIdentity,
): RequestData<K> {
  const name: unknown = type; // from the wire: not yet known to be a request name
  if (typeof name !== 'string' || !Object.hasOwn(WORKER_REQUESTS, name)) throw new RefusedRequest(`unknown request ${String(name)}`);
  const rule: (typeof WORKER_REQUESTS)[K] = WORKER_REQUESTS[type];
  if (sender.id !== self.id) throw new RefusedRequest(`${type}: sender is not this extension`);
  if (rule.privilege === 'extension-page' && !sender.url?.startsWith(self.pageOrigin)) {
    throw new RefusedRequest(`${type}: only the extension's own pages may ask this`);
  }
  const parsed = v.safeParse(rule.data, data);
  if (!parsed.success) throw new RefusedRequest(`${type}: malformed request (${v.summarize(parsed.issues).split('\n')[0]})`);
  return parsed.output;
}

/** Registers every handler in one place, each behind {@link admitRequest}. */
export function serveWorkerRequests(handlers: WorkerHandlers, self: ExtensionIdentity): void {
  for (const type of Object.keys(WORKER_REQUESTS) as WorkerRequest[]) serveRequest(type, handlers[type], self);
}

/** Answers request `type` with its handler once the request is admitted. */
function serveRequest<K extends WorkerRequest>(type: K, handler: WorkerHandlers[K], self: ExtensionIdentity): void {
  // The messenger types `sender` with `chrome.*` types we do not load; what the check reads is spelled out here.
  workerMessenger.onMessage(type, (message: { data: unknown; sender: RequestSender }) =>
    handler(admitRequest(type, message.data, message.sender, self), message.sender),
  );
}
