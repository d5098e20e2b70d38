import { useId } from 'react';
import { errorText } from '../../../../src-shared/contract/error-messages';
import { useI18n } from '../../../i18n/i18n';
import type { ImportRejection, InboxAccepted } from './inbox-import-run';
import { rejectionError } from './inbox-view';

/** Names for the ids a package carries; an id the office does not know is shown as it is. */
export interface InboxNames {
  readonly expert: (expertId: string) => string;
  readonly applicant: (applicantId: string) => string;
}

/** The files of one import that were taken: new ones, and duplicates answered with their original receipt. */
export function AcceptedList({ items, names }: { items: readonly InboxAccepted[]; names: InboxNames }) {
  const { t } = useI18n();
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('officeInbox.accepted.title', { count: items.length })}</h3>
      <table className="applicant-table inbox-table" data-testid="inbox-accepted">
        <thead>
          <tr>
            <th scope="col">{t('officeInbox.col.file')}</th>
            <th scope="col">{t('officeInbox.col.kind')}</th>
            <th scope="col">{t('officeInbox.col.expert')}</th>
            <th scope="col">{t('officeInbox.col.applicant')}</th>
            <th scope="col">{t('officeInbox.col.stage')}</th>
            <th scope="col">{t('officeInbox.col.seq')}</th>
            <th scope="col">{t('officeInbox.col.status')}</th>
            <th scope="col">{t('officeInbox.col.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={`${item.packageId}-${index}`} data-outcome={item.outcome}>
              <th scope="row" className="inbox-file">
                {item.name}
              </th>
              <td className="inbox-short">{t(`officeInbox.kind.${item.kind}`)}</td>
              <td className="inbox-short">{names.expert(item.expertId)}</td>
              <td>{item.applicantId === null ? '—' : names.applicant(item.applicantId)}</td>
              <td className="inbox-short">{item.stage === null ? '—' : t(`stage.${item.stage}`)}</td>
              <td className="inbox-short">{item.seq ?? '—'}</td>
              <td className="inbox-short">{t(`officeInbox.status.${item.outcome}`)}</td>
              <td>
                <code className="inbox-id" data-testid="receipt-id">
                  {item.receiptId}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A file that was refused, with its code and the parameters of its message. */
interface Refused {
  readonly name: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Refused files as a table after the note on where they are kept: each file's code and the reason in the interface
 * language, with when it was refused (`at`) in front and where it is kept (`kept`) after when those are given.
 */
export function RejectionTable<T extends Refused>({
  items,
  testId,
  rowKey,
  at,
  kept,
}: {
  items: readonly T[];
  testId: string;
  rowKey: (item: T, index: number) => string;
  at?: (item: T) => string;
  kept?: (item: T) => string;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <p>{t('officeInbox.rejected.note')}</p>
      <table className="applicant-table inbox-table" data-testid={testId}>
        <thead>
          <tr>
            {at !== undefined && <th scope="col">{t('officeInbox.col.at')}</th>}
            <th scope="col">{t('officeInbox.col.file')}</th>
            <th scope="col">{t('officeInbox.col.code')}</th>
            <th scope="col">{t('officeInbox.col.reason')}</th>
            {kept !== undefined && <th scope="col">{t('officeInbox.col.kept')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={rowKey(item, index)}>
              {at !== undefined && <td>{at(item)}</td>}
              <th scope="row" className="inbox-file">
                {item.name}
              </th>
              <td>
                <code className="error-code">{item.code}</code>
              </td>
              <td>{errorText(rejectionError(item.code, item.params), lang)}</td>
              {kept !== undefined && <td>{kept(item)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The files of one import that were refused, each with its code and the reason in the interface language. */
export function RejectedList({ items }: { items: readonly ImportRejection[] }) {
  const { t } = useI18n();
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('officeInbox.rejected.title', { count: items.length })}</h3>
      <RejectionTable
        items={items}
        testId="inbox-rejected"
        rowKey={(item, index) => `${item.name}-${index}`}
        kept={(item) =>
          item.sha256 === null
            ? t('officeInbox.kept.local')
            : t('officeInbox.kept.server', { sha: item.sha256.slice(0, 12) })
        }
      />
    </section>
  );
}
