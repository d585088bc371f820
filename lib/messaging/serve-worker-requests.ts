import * as v from 'valibot';
import { WORKER_REQUESTS, workerMessenger, type WorkerProtocol } from './protocol';

/** The parts of a message sender the privilege check reads. */
export interface RequestSender {
  id?: string;
  url?: string;
  /** The tab a content script runs in (absent for the extension's own popup). */
  tab?: { id?: number };
}

/** Who we are: the extension id and the origin of its pages (`chrome-extension://<id>/`). */
export interface ExtensionIdentity {
  id: string;
  pageOrigin: string;
}

/** Handlers for every worker request: the data is already validated when a handler runs. */
export type WorkerHandlers = {
  [K in keyof WorkerProtocol]: (
    data: Parameters<WorkerProtocol[K]>[0],
    sender: RequestSender,
  ) => Promise<ReturnType<WorkerProtocol[K]>> | ReturnType<WorkerProtocol[K]>;
};

/** Raised for a refused request; the sender gets its message, the worker carries on. */
export class RefusedRequest extends Error {}

/**
 * Checks one request: it must come from this extension, from an extension page when it is privileged, and its data
 * must match the schema. Returns the validated data or throws {@link RefusedRequest}.
 */
export function admitRequest<K extends keyof WorkerProtocol>(type: K, data: unknown, sender: RequestSender, self: ExtensionIdentity) {
  if (typeof type !== 'string' || !Object.hasOwn(WORKER_REQUESTS, type)) throw new RefusedRequest(`unknown request ${String(type)}`);
  const rule = WORKER_REQUESTS[type];
  if (sender.id !== self.id) throw new RefusedRequest(`${type}: sender is not this extension`);
  if (rule.privilege === 'extension-page' && !sender.url?.startsWith(self.pageOrigin)) {
    throw new RefusedRequest(`${type}: only the extension's own pages may ask this`);
  }
  const parsed = v.safeParse(rule.data, data);
  if (!parsed.success) throw new RefusedRequest(`${type}: malformed request (${v.summarize(parsed.issues).split('\n')[0]})`);
  return parsed.output as Parameters<WorkerProtocol[K]>[0];
}

/** Registers every handler in one place, each behind {@link admitRequest}. */
export function serveWorkerRequests(handlers: WorkerHandlers, self: ExtensionIdentity): void {
  for (const type of Object.keys(WORKER_REQUESTS) as (keyof WorkerProtocol)[]) {
    const handler = handlers[type] as (data: unknown, sender: RequestSender) => unknown;
    workerMessenger.onMessage(
      type,
      async (message) => handler(admitRequest(type, message.data, message.sender, self), message.sender) as never,
    );
  }
}
