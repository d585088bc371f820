/** A line of a report's text with where it is: page (PDFs only, 1-based) and line (1-based, on that page). */
export interface SourceLine {
  text: string;
  page?: number;
  line: number;
}

/** A value read from a report, with the line it was read from (the reader links to it). */
export type Located<T> = T & { page?: number; line: number };

/** `value` placed at `source`. */
export const at = <T extends object>(value: T, source: SourceLine): Located<T> => ({
  ...value,
  ...(source.page !== undefined ? { page: source.page } : {}),
  line: source.line,
});

/** Numbers as brokers write them: `1,880.00`, `390.5`. */
export const parseAmount = (text: string): number | undefined => {
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) && value > 0 ? value : undefined;
};
