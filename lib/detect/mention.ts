import type { SecurityId } from '../securities/security-id';

/** How a mention was recognised; shown to the user as the reason for a mark. */
export type MentionRule =
  | 'exchange-code' // 09988.HK, 600519.SH, SH600519, AMZN.O
  | 'cashtag' // $AMZN
  | 'exchange-prefix' // NASDAQ: AMZN
  | 'name' // 阿里巴巴, Amazon
  | 'learned-alias' // a name a report tied to a code: 中际旭创（300308.SZ）
  | 'ticker-in-context'; // AMZN alone in a table cell, (AMZN), or beside its company's name

/** One security mentioned in a text: where, which listing, and why. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  id: SecurityId;
  rule: MentionRule;
}
