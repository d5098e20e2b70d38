import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { useAsync } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { EditExpertForm, RevokeExpertForm } from './expert-change-forms';
import { ConfirmExpertForm, ExpertDialog } from './expert-dialog';
import { ExpertImport } from './expert-import';
import { ExpertTable, type ExpertAction } from './expert-table';
import './experts.css';

/**
 * The office's key registry (issue 4 item 4), for every cycle: import enrollment packages, confirm each expert's
 * fingerprint with them, correct the office's copy of their details, revoke a key.
 */
export function ExpertsPage() {
  const { t } = useI18n();
  const { client } = useServices();
  const [version, setVersion] = useState(0);
  const [action, setAction] = useState<ExpertAction | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const experts = useAsync(() => client.call('office:experts-list', {}), [client, version]);
  const refresh = (): void => setVersion((v) => v + 1);
  const finish = (message: string): void => {
    setAction(undefined);
    setDone(message);
    refresh();
  };
  const close = (): void => setAction(undefined);
  const open = (next: ExpertAction): void => {
    setDone(undefined);
    setAction(next);
  };
  const name = action?.expert.profile.name ?? '';
  return (
    <section className="page experts-page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href="#/">{t('office.title')}</a>
      </nav>
      <h1>{t('officeExperts.title')}</h1>
      <p>{t('officeExperts.intro')}</p>
      <ExpertImport onImported={refresh} />
      {done !== undefined && (
        <p className="banner banner-ok" role="status">
          {done}
        </p>
      )}
      {experts.status === 'loading' ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : experts.status === 'error' ? (
        <ErrorBanner error={experts.error} action={{ label: t('officeExperts.retry'), run: refresh }} />
      ) : (
        <ExpertTable experts={experts.value} onAction={open} />
      )}
      {action !== undefined && (
        <ExpertDialog
          key={`${action.kind}-${action.expert.expertId}`}
          title={t(
            action.kind === 'confirm'
              ? 'officeExperts.confirmTitle'
              : action.kind === 'edit'
                ? 'officeExperts.editTitle'
                : 'officeExperts.revokeTitle',
            { name },
          )}
          onClose={close}
        >
          {action.kind === 'confirm' ? (
            <ConfirmExpertForm expert={action.expert} onDone={finish} onCancel={close} />
          ) : action.kind === 'edit' ? (
            <EditExpertForm expert={action.expert} onDone={finish} onCancel={close} />
          ) : (
            <RevokeExpertForm expert={action.expert} onDone={finish} onCancel={close} />
          )}
        </ExpertDialog>
      )}
    </section>
  );
}
