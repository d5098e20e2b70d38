import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { useAsync } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { loadInboxData, type InboxData } from './inbox-data';
import { InboxImportPanel } from './inbox-import-panel';
import { InboxOverview } from './inbox-overview';
import type { InboxNames } from './inbox-results';
import { useInboxImport } from './use-inbox-import';
import './inbox-page.css';

function namesFrom(data: InboxData | undefined): InboxNames {
  const experts = new Map(data?.experts.map((expert) => [expert.expertId, expert.profile.name]));
  return {
    expert: (id) => experts.get(id) ?? id,
    applicant: (id) => data?.applicantNames.get(id) ?? id,
  };
}

/**
 * The office's inbox for one cycle: import experts' packages (files, a folder, or a drop) with progress, see what
 * each file became, and the cycle's standing inbox with receipts to hand back. The import never waits for the
 * overview: if the overview cannot load, files can still be imported.
 */
export function InboxPage({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const services = useServices();
  const [version, setVersion] = useState(0);
  const data = useAsync(() => loadInboxData(services, cycleId), [services, cycleId, version]);
  const reload = (): void => setVersion((v) => v + 1);
  const { state, importFiles } = useInboxImport(reload);
  // Keep the last loaded data while a reload runs, so the results lists keep their names and nothing flickers.
  const [shown, setShown] = useState<InboxData | undefined>(undefined);
  if (data.status === 'ready' && data.value !== shown) setShown(data.value);
  return (
    <section className="page inbox-page">
      <h1>{t('officeInbox.title')}</h1>
      <p>{t('officeInbox.intro')}</p>
      <InboxImportPanel state={state} onFiles={(files) => void importFiles(files)} names={namesFrom(shown)} />
      {data.status === 'error' ? (
        <ErrorBanner error={data.error} action={{ label: t('officeInbox.retry'), run: reload }} />
      ) : shown === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <InboxOverview cycleId={cycleId} data={shown} />
      )}
    </section>
  );
}
