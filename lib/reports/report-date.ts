import { toIsoDate } from './front-matter';

/** Years a report date may fall in: outside them a number pattern is a code or a count, not a date. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/** A Jekyll post name: `2024-8-1-slug.md`, `2025-12-06_note.md`, `2025.05.15-10.md` (zero padding optional). */
const FILE_NAME_DATE = /^(\d{4})[-.](\d{1,2})[-.](\d{1,2})(?=[-_.\s]|$)/;
/** Dates written in a title or a first line: `2024年8月1日`, `2025.12.23`, `2024-08-01`, `2024/8/1`. */
const TEXT_DATES = [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/, /(?<!\d)(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)/];

/** `YYYY-MM-DD` from parts, or `undefined` when they are no calendar date. */
function isoDay(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a file name carries (Jekyll posts), if any. */
export function dateFromFileName(fileName: string): string | undefined {
  const m = FILE_NAME_DATE.exec(fileName.replace(/^.*[\\/]/, ''));
  return m ? isoDay(m[1]!, m[2]!, m[3]!) : undefined;
}

/** The first date written in a line of text (a title, a dated first line), if any. */
export function dateInText(text: string): string | undefined {
  const line = text.slice(0, 200);
  const chinese = TEXT_DATES[0]!.exec(line);
  if (chinese) return isoDay(chinese[1]!, chinese[2]!, chinese[3]!);
  const numeric = TEXT_DATES[1]!.exec(line);
  return numeric ? isoDay(numeric[1]!, numeric[3]!, numeric[4]!) : undefined;
}

/**
 * A report's date, from the most explicit place that has one: front matter, the file name (Jekyll), the title, the
 * first line of the body. Daily briefs often carry it only in their name or title.
 */
export function reportDate(
  frontMatterDate: string | undefined,
  fileName: string,
  title: string,
  firstLine: string | undefined,
): string | undefined {
  return toIsoDate(frontMatterDate) ?? dateFromFileName(fileName) ?? dateInText(title) ?? (firstLine ? dateInText(firstLine) : undefined);
}
