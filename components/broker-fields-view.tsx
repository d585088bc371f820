import type { BrokerFields, Located } from '../lib/reports/broker-fields';
import { pdfLineId } from '../lib/pdf/pdf-reader-html';
import { useText } from './ui-text';

/** Scrolls the reader to a PDF line and marks it for a moment. */
function showLine(page: number, line: number) {
  const element = document.getElementById(pdfLineId(page, line));
  element?.scrollIntoView({ block: 'center' });
  element?.classList.add('rl-pdf-line-shown');
  setTimeout(() => element?.classList.remove('rl-pdf-line-shown'), 2000);
}

/** Where a field was read: a link to the PDF line, or the block number of a Markdown/HTML report. */
function Where({ field }: { field: Located<object> | undefined }) {
  const t = useText();
  if (!field) return null;
  if (field.page === undefined) return <span class="rl-field-where">{t('broker.block', { line: field.line })}</span>;
  return (
    <button type="button" class="rl-field-where" onClick={() => showLine(field.page!, field.line)}>
      {t('broker.where', { page: field.page, line: field.line })}
    </button>
  );
}

const money = (price: { value: number; currency: string | null }) =>
  `${price.value.toLocaleString('en', { maximumFractionDigits: 4 })}${price.currency ? ` ${price.currency}` : ''}`;

/** A broker note's fields as the reader shows them, each with where it was read (page and line for a PDF). */
export function BrokerFieldsView({ note }: { note: BrokerFields }) {
  const t = useText();
  const rows: [string, string, Located<object> | undefined][] = [];
  if (note.rating)
    rows.push([
      t('broker.rating'),
      note.rating.change ? t('rating.withChange', { value: note.rating.value, change: note.rating.change }) : note.rating.value,
      note.rating,
    ]);
  if (note.targetPrice) rows.push([t('broker.target'), money(note.targetPrice), note.targetPrice]);
  if (note.currentPrice) rows.push([t('broker.current'), money(note.currentPrice), note.currentPrice]);
  if (note.broker) rows.push([t('broker.broker'), note.broker.name, note.broker]);
  for (const analyst of note.analysts)
    rows.push([t('broker.analyst'), analyst.license ? `${analyst.name} (${analyst.license})` : analyst.name, analyst]);
  return (
    <section aria-label={t('broker.section')} class="rl-broker-fields">
      <h3>{t('broker.section')}</h3>
      <dl>
        {rows.map(([label, value, field], i) => (
          <div key={i}>
            <dt>{label}</dt>
            <dd>
              {value} <Where field={field} />
            </dd>
          </div>
        ))}
      </dl>
      {note.forecast && (
        <table class="rl-forecast">
          <caption>
            {t('broker.forecast')} <Where field={note.forecast} />
          </caption>
          <thead>
            <tr>
              <th />
              {note.forecast.years.map((year) => (
                <th key={year}>{year}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {note.forecast.rows.map((row) => (
              <tr key={row.label}>
                <th>{row.label}</th>
                {row.values.map((value, i) => (
                  <td key={i}>{value ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
