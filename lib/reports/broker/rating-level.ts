/** How bullish a rating is, from 2 (buy) to -2 (sell): where the timeline draws it. Brokers' scales differ; this is the common reading. */
export type RatingLevel = -2 | -1 | 0 | 1 | 2;

const LEVELS: [RegExp, RatingLevel][] = [
  [/^(?:买入|强烈推荐|强推|strong buy|buy)$/i, 2],
  [/^(?:增持|推荐|谨慎推荐|审慎推荐|谨慎增持|审慎增持|优于大市|强于大市|跑赢行业|跑赢大市|看好|overweight|outperform|accumulate|add)$/i, 1],
  [/^(?:中性|持有|同步大市|neutral|hold|equal[- ]?weight|market perform|sector perform|in-line)$/i, 0],
  [/^(?:减持|弱于大市|跑输行业|跑输大市|看淡|回避|underweight|underperform|reduce)$/i, -1],
  [/^(?:卖出|sell)$/i, -2],
];

/** The level of a rating as written, or undefined for a rating we do not know. */
export const ratingLevel = (value: string): RatingLevel | undefined => LEVELS.find(([pattern]) => pattern.test(value.trim()))?.[1];
