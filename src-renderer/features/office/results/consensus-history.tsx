import type { ConsensusRecord } from '../../../../src-shared/office/office-schemas';
import type { OfficeConsensusRow, OfficeSignature } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';

/** What a version changed against the one before: the items whose agreed percent moved. */
function changes(
  previous: ConsensusRecord | undefined,
  next: ConsensusRecord,
  itemName: (id: string) => string,
): string[] {
  if (previous === undefined) return [];
  const before = new Map(previous.items.map((i) => [i.itemId, i.percent]));
  return next.items.flatMap((i) => {
    const old = before.get(i.itemId);
    return old === i.percent ? [] : [`${i.itemId} ${itemName(i.itemId)} ${old ?? '—'}% → ${i.percent}%`];
  });
}

/** A signature as the office reads it: when, and the first 16 hex digits of the signed hash and of the key. */
export function SignatureLine({ signature }: { signature: OfficeSignature }) {
  const { t } = useI18n();
  return (
    <span className="muted">
      {t('officeResults.signedLine', {
        at: signature.signedAt.slice(0, 16).replace('T', ' '),
        sha: signature.sha256.slice(0, 16),
        key: signature.keyId.slice(0, 16),
      })}
    </span>
  );
}

/** Every signed version of one consensus, newest first, with its reason and the items it changed. */
export function ConsensusHistory({ row, itemName }: { row: OfficeConsensusRow; itemName: (id: string) => string }) {
  const { t } = useI18n();
  const versions = [...row.history, row.current];
  return (
    <section aria-labelledby="consensus-history">
      <h3 id="consensus-history">{t('officeResults.history')}</h3>
      <ol reversed className="history-list">
        {versions
          .map((entry, index) => ({ entry, index }))
          .reverse()
          .map(({ entry, index }) => {
            const moved = changes(versions[index - 1]?.record, entry.record, itemName);
            return (
              <li key={index}>
                <strong>{t('officeResults.version', { version: index + 1 })}</strong>{' '}
                <SignatureLine signature={entry.signature} />
                {entry.reason !== '' && <p>{t('officeResults.versionReasonShown', { reason: entry.reason })}</p>}
                {moved.length > 0 && <p>{t('officeResults.consensus.changed', { items: moved.join('；') })}</p>}
              </li>
            );
          })}
      </ol>
    </section>
  );
}
