/** The interface languages: Simplified Chinese and English. */
export type UiLocale = 'zh' | 'en';

/**
 * Looks up a message and fills `{name}` placeholders; English plurals: `(s)` becomes `s` unless `n` is 1, and
 * `[security|securities]` picks the first form when `n` is 1, else the second.
 */
export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

/** A translator over one table of messages. */
export function translatorOf<K extends string>(table: Record<K, string>): Translate<K> {
  return (key, values = {}) =>
    table[key]
      .replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
      .replace(/\(s\)/g, values.n === 1 ? '' : 's')
      .replace(/\[([^|\][]*)\|([^|\][]*)\]/g, (_, one: string, other: string) => (values.n === 1 ? one : other));
}

/** The interface language for the browser's preferred languages: Chinese for any `zh*`, else English. */
export function uiLocale(languages: readonly string[]): UiLocale {
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
