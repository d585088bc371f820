import { browser } from 'wxt/browser';

/**
 * The user's settings live in the extension's own `storage.local`, one key each: content scripts may read them, no
 * page can, only extension pages write them. Plain `storage.local` calls rather than a storage library, to keep the
 * content script small.
 */

/** The stored value of `key`, whatever was stored (callers check its type). */
export const readSetting = async (key: string): Promise<unknown> => (await browser.storage.local.get(key))[key];

export const writeSetting = (key: string, value: unknown): Promise<void> => browser.storage.local.set({ [key]: value });

/** Calls `onChange` with a key's new value whenever it changes; returns the function that stops watching. */
export function watchSetting(key: string, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** A stored list of strings, whatever was stored: only strings survive. */
export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
