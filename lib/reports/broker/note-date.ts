import { at, type Located, type SourceLine } from './located';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/** `2025年10月22日`, `2025-10-22`, `2025/10/22`, `2025.10.22`, `14 November 2025`, `November 14, 2025`. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
  [/(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [/(?<![\d.])(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(20\\d{2})\\b`, 'i'), (m) => [+m[3]!, monthOf(m[2]!), +m[1]!]],
  [new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(20\\d{2})\\b`, 'i'), (m) => [+m[3]!, monthOf(m[1]!), +m[2]!]],
];
const monthOf = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** Lines of the first page a note's date is looked for in: its own date is printed near the top. */
const DATE_LINES = 40;

/** The note's date (ISO `YYYY-MM-DD`): the first date written near its start, skipping `相关研究` lists' dates after `》`. */
export function findNoteDate(lines: readonly SourceLine[]): Located<{ date: string }> | undefined {
  for (const line of lines.slice(0, DATE_LINES)) {
    if (/》|《/.test(line.text)) continue;
    for (const [pattern, parts] of PATTERNS) {
      const match = pattern.exec(line.text);
      if (!match) continue;
      const [year, month, day] = parts(match);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      return at({ date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }, line);
    }
  }
  return undefined;
}
