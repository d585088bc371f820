import type { NameBlock } from '../lib/securities/alias-gate';
import { useText } from './ui-text';

/** The question the card's "not this security" asks, as the library page shows it. */
export interface NotThisQuestion {
  /** The name as the page showed it. */
  text: string;
  /** The security, as `名称 (ID)`. */
  entry: string;
  /** What confirming writes: the name for that listing and its issuer's other listings that carry it. */
  blocks: NameBlock[];
  /** Set once written: the page then says so instead of asking. */
  done?: boolean;
}

export interface NotThisSecurityProps {
  question: NotThisQuestion;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks the user to confirm a block the card requested. The block is written only here, in an extension page, on the
 * user's click: a web page cannot block names (see `askNotThisSecurity` in the protocol).
 */
export function NotThisSecurity({ question, onConfirm, onCancel }: NotThisSecurityProps) {
  const t = useText();
  const others = [...new Set(question.blocks.map((block) => block.securityId))].slice(1);
  return (
    <section class="rl-not-this" role="alertdialog" aria-label={t('blocks.confirmTitle')} aria-live="polite">
      <h2>{t('blocks.confirmTitle')}</h2>
      {question.done ? (
        <p role="status">{t('blocks.done', { text: question.text, entry: question.entry })}</p>
      ) : (
        <>
          <p>{t('blocks.confirm', { text: question.text, entry: question.entry })}</p>
          {others.length > 0 && <p>{t('blocks.listings', { ids: others.join(', ') })}</p>}
          <button type="button" onClick={onConfirm}>
            {t('blocks.confirmButton', { text: question.text })}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('blocks.cancel')}
          </button>
        </>
      )}
    </section>
  );
}
