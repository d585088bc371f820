import type { MentionRule } from '../lib/detect/mention';
import type { SecurityReports } from '../lib/messaging/protocol';
import type { SecurityId } from '../lib/securities/security-id';
import { ReportDigestItem } from './report-digest-item';
import { RatingLine, RatingTimeline } from './rating-history';
import { ReportTimeline } from './report-timeline';
import { useCardText } from './ui-text';

/** Where the marked word is on screen; the card is placed beside it, never over it. */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface HoverCardProps {
  markedText: string;
  rule: MentionRule;
  /** `undefined` while the worker is answering. */
  security: SecurityReports | undefined;
  anchor: AnchorRect;
  viewport: { width: number; height: number };
  /** The page's own scheme: the card matches the page it sits on. */
  scheme: 'light' | 'dark';
  onOpenReport: (reportId: string) => void;
  /** Opens the library at this security's page: all its reports. */
  onOpenSecurity: (securityId: SecurityId) => void;
  onClose: () => void;
  /**
   * "Not this security": asks the library page to confirm a block of the marked name. Called only for a click the
   * user made (`isTrusted`): a page's script cannot reach into our closed shadow root, and a synthetic click would not
   * count even if it did.
   */
  onNotThisSecurity?: () => void;
}

/** Rules that mark a name, the only marks "not this security" can block (a code is not a name). */
const NAME_RULES: ReadonlySet<MentionRule> = new Set(['name', 'learned-alias']);

/** Card width and the gap to the word it explains, in CSS pixels. */
const CARD_WIDTH = 360;
const CARD_GAP = 6;
/** Risks shown per report on the card. */
const CARD_RISKS = 2;

/** Below the word when there is room, else above it; clamped to the viewport horizontally. */
function placeCard(anchor: AnchorRect, viewport: { width: number; height: number }) {
  const left = Math.max(8, Math.min(anchor.left, viewport.width - CARD_WIDTH - 8));
  const roomBelow = viewport.height - anchor.bottom;
  return roomBelow >= anchor.top
    ? { left, top: anchor.bottom + CARD_GAP, maxHeight: roomBelow - CARD_GAP - 8 }
    : { left, bottom: viewport.height - anchor.top + CARD_GAP, maxHeight: anchor.top - CARD_GAP - 8 };
}

/**
 * The hover card: the security, how many reports (and how many are about it), the most relevant ones with the passage
 * that names it, summary and first risks, a way to all of its reports, why it was marked, and "not this security".
 */
export function HoverCard(props: HoverCardProps) {
  const { markedText, rule, security, anchor, viewport, scheme, onOpenReport, onOpenSecurity, onClose, onNotThisSecurity } = props;
  const t = useCardText();
  const style = { ...placeCard(anchor, viewport), width: CARD_WIDTH };
  return (
    <div
      class="rl-card"
      role="dialog"
      data-scheme={scheme}
      aria-label={security ? `${security.name} ${security.id}` : 'ReportLens'}
      style={style}
    >
      <header class="rl-card-header">
        <div>
          <strong class="rl-card-name">{security?.name ?? markedText}</strong>
          {security && <span class="rl-card-code">{security.id}</span>}
          {security && security.otherListings.length > 0 && (
            <span class="rl-card-listings">{t('card.alsoListed', { ids: security.otherListings.join(', ') })}</span>
          )}
        </div>
        <button type="button" class="rl-close" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {security ? (
        <>
          <p class="rl-card-count rl-card-counts">
            <span>
              {t('card.reports', { n: security.reportCount })}
              {security.aboutCount > 0 && <span class="rl-about-count">{` · ${t('card.aboutCount', { n: security.aboutCount })}`}</span>}
            </span>
            {security.reportCount > 0 && (
              <button type="button" class="rl-link rl-all-reports" onClick={() => onOpenSecurity(security.id)}>
                {t('card.allReports', { n: security.reportCount })}
              </button>
            )}
          </p>
          <ReportTimeline months={security.months} />
          {security.ratings && <RatingLine ratings={security.ratings} />}
          {security.ratings && <RatingTimeline ratings={security.ratings} />}
          {security.latest.map((report) => (
            <ReportDigestItem key={report.id} report={report} riskCount={CARD_RISKS} onOpen={onOpenReport} />
          ))}
        </>
      ) : (
        <p class="rl-card-count">{t('card.loading')}</p>
      )}
      <footer class="rl-card-why">
        {t('card.marked', { text: markedText, rule: t(`rule.${rule}`), entry: security ? `${security.name} (${security.id})` : '…' })}
        {security && onNotThisSecurity && NAME_RULES.has(rule) && (
          <>
            {' '}
            <button
              type="button"
              class="rl-card-not-this"
              aria-label={t('card.notThisLabel', { text: markedText, entry: `${security.name} (${security.id})` })}
              onClick={(event) => event.isTrusted && onNotThisSecurity()}
            >
              {t('card.notThis')}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
