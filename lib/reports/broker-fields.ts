import { findForecastTable, type ForecastTable } from './broker/forecast-table';
import type { Located, SourceLine } from './broker/located';
import { findNoteDate } from './broker/note-date';
import { findAnalysts, findBroker, type Analyst } from './broker/people';
import { findCurrentPrice, findTargetPrice, type Price } from './broker/prices';
import { findRating, type Rating } from './broker/rating';

export type { SourceLine, Located } from './broker/located';
export type { Analyst } from './broker/people';
export type { Price } from './broker/prices';
export type { Rating } from './broker/rating';
export type { ForecastTable } from './broker/forecast-table';

/** A box line of several labelled values (`Rating: Buy | Price target: $215 | Analyst: …`) as one line per value, each where the line is. */
const cellsOf = (line: SourceLine): SourceLine[] =>
  /[|｜]/.test(line.text)
    ? line.text
        .split(/[|｜]/)
        .map((cell) => cell.trim())
        .filter(Boolean)
        .map((text) => ({ ...line, text }))
    : [line];

/** What a broker note states up front, each with the page and line it was read from. */
export interface BrokerFields {
  broker?: Located<{ name: string }>;
  analysts: Located<Analyst>[];
  rating?: Located<Rating>;
  targetPrice?: Located<Price>;
  currentPrice?: Located<Price>;
  date?: Located<{ date: string }>;
  forecast?: Located<ForecastTable>;
}

/**
 * Reads a broker note's fields from its text lines (a PDF's body, or a Markdown/HTML report's blocks): rating and its
 * change, target and current price, analysts and licences, the forecast table and the date come from the body;
 * the broker may be named only in running headers or the disclaimer, so it is read from every line (`all`).
 * Returns undefined when the text states none of rating, target price or analysts: it is no broker note.
 */
export function extractBrokerFields(body: readonly SourceLine[], all: readonly SourceLine[] = body): BrokerFields | undefined {
  const cells = body.flatMap(cellsOf);
  const fields: BrokerFields = {
    analysts: findAnalysts(cells),
    rating: findRating(cells),
    targetPrice: findTargetPrice(cells),
  };
  if (!fields.rating && !fields.targetPrice && !fields.analysts.length) return undefined;
  fields.broker = findBroker(all);
  fields.currentPrice = findCurrentPrice(cells);
  fields.date = findNoteDate(body);
  fields.forecast = findForecastTable(body);
  // Fields not found are left out, not written as undefined (the stored row and the CLI's JSON stay small).
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as BrokerFields;
}
