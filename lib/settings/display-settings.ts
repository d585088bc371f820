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

/** A setting that is on only once the user turned it on: anything stored but `true` reads as off. */
function onOffSetting(key: string) {
  return {
    read: async (): Promise<boolean> => (await readSetting(key)) === true,
    write: (on: boolean) => writeSetting(key, on),
    watch: (onChange: (on: boolean) => void): (() => void) => watchSetting(key, (value) => onChange(value === true)),
  };
}

/** The "mark every known security" setting; off unless the user turned it on. */
export const { read: markAllKnown, write: setMarkAllKnown, watch: watchMarkAllKnown } = onOffSetting(MARK_ALL_KEY);

/**
 * The "private marks" setting; off unless the user turned it on. Highlights live in the page's own registry
 * (`CSS.highlights`), where a page script can read which of its words we marked; when on, marks are boxes in our closed
 * shadow root instead.
 */
export const { read: privateMarks, write: setPrivateMarks, watch: watchPrivateMarks } = onOffSetting(PRIVATE_MARKS_KEY);

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
