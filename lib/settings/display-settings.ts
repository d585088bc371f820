import { uiLocale, type UiLocale } from '../i18n/translate';
import { readSetting, watchSetting, writeSetting } from './stored-setting';

/** Whether tabs mark every security the extension knows (the bundled list), not only those with reports. */
const MARK_ALL_KEY = 'markAllKnown';
const MARK_STYLE_KEY = 'markStyle';
/** Whether tabs draw marks in our own closed shadow root, where page scripts cannot read them, not as CSS highlights. */
const PRIVATE_MARKS_KEY = 'privateMarks';
const LANGUAGE_KEY = 'uiLanguage';

/** How marks are drawn: a dotted underline (the default, quietest), a solid underline, or a tinted background. */
export const MARK_STYLES = ['dotted', 'underline', 'background'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

/** The interface language: the browser's (default) or one chosen. */
export const LANGUAGE_CHOICES = ['auto', 'zh', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

const oneOf = <T extends string>(choices: readonly T[], value: unknown, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

/** The "mark every known security" setting; off unless the user turned it on. */
export async function markAllKnown(): Promise<boolean> {
  return (await readSetting(MARK_ALL_KEY)) === true;
}

export const setMarkAllKnown = (on: boolean) => writeSetting(MARK_ALL_KEY, on);

export function watchMarkAllKnown(onChange: (on: boolean) => void): () => void {
  return watchSetting(MARK_ALL_KEY, (value) => onChange(value === true));
}

/**
 * The "private marks" setting; off unless the user turned it on. Highlights live in the page's own registry
 * (`CSS.highlights`), where a page script can read which of its words we marked; when on, marks are boxes in our closed
 * shadow root instead.
 */
export async function privateMarks(): Promise<boolean> {
  return (await readSetting(PRIVATE_MARKS_KEY)) === true;
}

export const setPrivateMarks = (on: boolean) => writeSetting(PRIVATE_MARKS_KEY, on);

export function watchPrivateMarks(onChange: (on: boolean) => void): () => void {
  return watchSetting(PRIVATE_MARKS_KEY, (value) => onChange(value === true));
}

export async function markStyle(): Promise<MarkStyle> {
  return oneOf(MARK_STYLES, await readSetting(MARK_STYLE_KEY), 'dotted');
}

export const setMarkStyle = (style: MarkStyle) => writeSetting(MARK_STYLE_KEY, style);

export function watchMarkStyle(onChange: (style: MarkStyle) => void): () => void {
  return watchSetting(MARK_STYLE_KEY, (value) => onChange(oneOf(MARK_STYLES, value, 'dotted')));
}

export async function languageChoice(): Promise<LanguageChoice> {
  return oneOf(LANGUAGE_CHOICES, await readSetting(LANGUAGE_KEY), 'auto');
}

export const setLanguageChoice = (choice: LanguageChoice) => writeSetting(LANGUAGE_KEY, choice);

export function watchLanguageChoice(onChange: (choice: LanguageChoice) => void): () => void {
  return watchSetting(LANGUAGE_KEY, (value) => onChange(oneOf(LANGUAGE_CHOICES, value, 'auto')));
}

/** The interface language for a choice: the chosen one, or the browser's. */
export function resolveLocale(choice: LanguageChoice, languages: readonly string[]): UiLocale {
  return choice === 'auto' ? uiLocale(languages) : choice;
}
