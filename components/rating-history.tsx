import type { RatingPoint } from '../lib/messaging/protocol';
import { ratingLevel } from '../lib/reports/broker/rating-level';
import { useCardText } from './ui-text';

/** Size of the rating timeline, in CSS pixels (the card is 360 wide with 14 px padding). */
const WIDTH = 330;
const HEIGHT = 44;
/** Room at the left for the level labels, and above and below the dots. */
const LEFT = 4;
const PAD = 6;

const dayOf = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
const money = (price: RatingPoint['targetPrice']) =>
  price ? `${price.value.toLocaleString('en', { maximumFractionDigits: 2 })}${price.currency ? ` ${price.currency}` : ''}` : '';

/** The latest rating and target on one line: `买入（上调） · 目标价 390.5 CNY · 东方证券 2025-10-22`. */
export function RatingLine({ ratings }: { ratings: readonly RatingPoint[] }) {
  const t = useCardText();
  const latest = ratings.at(-1);
  if (!latest) return null;
  const rating = latest.rating
    ? latest.rating.change
      ? t('rating.withChange', { value: latest.rating.value, change: latest.rating.change })
      : latest.rating.value
    : '';
  const parts = [
    rating,
    latest.targetPrice ? t('rating.target', { price: money(latest.targetPrice) }) : '',
    [latest.broker, latest.date].filter(Boolean).join(' '),
  ];
  return (
    <p class="rl-rating-line" data-testid="rating-line">
      {parts.filter(Boolean).join(' · ')}
    </p>
  );
}

/**
 * Ratings and targets across the library's broker notes on this security: one dot per note at its date, higher for
 * a more bullish rating, each with its rating, target and broker in its tooltip; the label says the same in words.
 */
export function RatingTimeline({ ratings }: { ratings: readonly RatingPoint[] }) {
  const t = useCardText();
  if (ratings.length < 2) return null;
  const first = dayOf(ratings[0]!.date);
  const span = Math.max(1, dayOf(ratings.at(-1)!.date) - first);
  const x = (point: RatingPoint) => LEFT + ((dayOf(point.date) - first) / span) * (WIDTH - LEFT - 8);
  const y = (point: RatingPoint) => PAD + ((2 - (ratingLevel(point.rating?.value ?? '') ?? 0)) / 4) * (HEIGHT - 2 * PAD);
  const words = ratings
    .map((point) => [point.date, point.rating?.value, money(point.targetPrice), point.broker].filter(Boolean).join(' '))
    .join('; ');
  return (
    <svg
      class="rl-rating-timeline"
      role="img"
      aria-label={t('rating.timeline', { points: words })}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <line x1={LEFT} x2={WIDTH - 4} y1={HEIGHT / 2} y2={HEIGHT / 2} class="rl-timeline-axis" />
      <polyline points={ratings.map((point) => `${x(point)},${y(point)}`).join(' ')} class="rl-rating-path" />
      {ratings.map((point) => (
        <circle
          key={point.reportId}
          cx={x(point)}
          cy={y(point)}
          r={3.5}
          class="rl-rating-dot"
          data-level={ratingLevel(point.rating?.value ?? '') ?? 'unknown'}
        >
          <title>{[point.date, point.rating?.value, money(point.targetPrice), point.broker].filter(Boolean).join(' · ')}</title>
        </circle>
      ))}
    </svg>
  );
}
