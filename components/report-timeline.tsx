import { useCardText } from './ui-text';

/** Size of the timeline drawing, in CSS pixels (the card is 360 wide with 14 px padding). */
const WIDTH = 330;
const BAR_AREA = 18;
const LABEL_AREA = 12;

/** Months from `2024-11` to `2025-02` inclusive: 3. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * When the reports on a security were written: one bar per month with reports, its height the number of reports,
 * over the span from the first to the last. A picture for the eye; its label says the same in words.
 */
export function ReportTimeline({ months }: { months: readonly [string, number][] }) {
  const t = useCardText();
  if (months.length === 0) return null;
  const first = monthIndex(months[0]![0]);
  const span = monthIndex(months.at(-1)![0]) - first + 1;
  const most = Math.max(...months.map(([, count]) => count));
  const slot = WIDTH / span;
  const barWidth = Math.max(2, Math.min(12, slot - 1));
  const dated = months.reduce((sum, [, count]) => sum + count, 0);
  const from = months[0]![0];
  const to = months.at(-1)![0];
  return (
    <svg
      class="rl-timeline"
      role="img"
      aria-label={t('card.timeline', { n: dated, from, to })}
      width={WIDTH}
      height={BAR_AREA + LABEL_AREA}
      viewBox={`0 0 ${WIDTH} ${BAR_AREA + LABEL_AREA}`}
    >
      <line x1={0} x2={WIDTH} y1={BAR_AREA + 0.5} y2={BAR_AREA + 0.5} class="rl-timeline-axis" />
      {months.map(([month, count]) => {
        const height = Math.max(3, (count / most) * (BAR_AREA - 2));
        const x = (monthIndex(month) - first) * slot + (slot - barWidth) / 2;
        return (
          <rect key={month} x={x} y={BAR_AREA - height} width={barWidth} height={height} class="rl-timeline-bar">
            <title>{`${month}: ${count}`}</title>
          </rect>
        );
      })}
      <text x={0} y={BAR_AREA + LABEL_AREA - 1} class="rl-timeline-label">
        {from}
      </text>
      {to !== from && (
        <text x={WIDTH} y={BAR_AREA + LABEL_AREA - 1} text-anchor="end" class="rl-timeline-label">
          {to}
        </text>
      )}
    </svg>
  );
}
