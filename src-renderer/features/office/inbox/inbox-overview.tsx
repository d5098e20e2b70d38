import { lazy, Suspense, useId } from 'react';
import type { InboxRejection } from '../../../../src-shared/contract/office-channels';
import { useI18n } from '../../../i18n/i18n';
import type { InboxData } from './inbox-data';
import { InboxExperts } from './inbox-experts';
import { RejectionTable } from './inbox-results';
import { countByKind, expertProgress } from './inbox-view';

const InboxChart = lazy(async () => ({ default: (await import('./inbox-chart')).InboxChart }));

function AllRejections({ items }: { items: readonly InboxRejection[] }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('officeInbox.allRejected.title', { count: items.length })}</h3>
      {items.length === 0 ? (
        <p className="empty-state">{t('officeInbox.allRejected.empty')}</p>
      ) : (
        <RejectionTable
          items={items}
          testId="inbox-all-rejected"
          rowKey={(item, index) => `${item.sha256}-${index}`}
          at={(item) => item.at.slice(0, 16).replace('T', ' ')}
        />
      )}
    </section>
  );
}

/** What the inbox holds for the cycle, whatever import brought it: counts, per expert, and every refusal. */
export function InboxOverview({ cycleId, data }: { cycleId: string; data: InboxData }) {
  const { t } = useI18n();
  const titleId = useId();
  const tableId = useId();
  const counts = countByKind(data.inbox.packages);
  const rows = expertProgress(data.experts, data.assignments, data.inbox.packages);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('officeInbox.overview.title')}</h2>
      <p data-testid="inbox-counts">
        {t('officeInbox.overview.counts', { ...counts, accepted: data.inbox.acceptedCount })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t('officeInbox.experts.empty')}</p>
      ) : (
        <div className="inbox-experts">
          <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
            <InboxChart rows={rows} tableId={tableId} />
          </Suspense>
          <InboxExperts cycleId={cycleId} rows={rows} tableId={tableId} />
        </div>
      )}
      <AllRejections items={data.inbox.rejected} />
    </section>
  );
}
