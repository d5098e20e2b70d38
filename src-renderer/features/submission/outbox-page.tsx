import { useState } from 'react';
import { ok } from '../../../src-shared/contract/result';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { listOutbox } from '../../data/outbox-repository';
import { useI18n } from '../../i18n/i18n';
import { DownloadLink } from './download-link';

/** Every signed package: kind, applicant, version, status, its file; and all not yet confirmed in one step. */
export function OutboxPage() {
  const { t } = useI18n();
  const { db, now } = useServices();
  const [version, setVersion] = useState(0);
  const rows = useAsync(async () => ok(await listOutbox(db, now)), [db, now, version]);
  if (rows.status !== 'ready') return <p aria-busy="true">{t('app.loading')}</p>;
  const open = rows.value.filter((row) => row.status !== 'confirmed');
  const exportAll = (): void => {
    // One click per file: browsers save each as a download (to the chosen folder or USB stick).
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-outbox-file]')) link.click();
    setTimeout(() => setVersion((v) => v + 1), 500);
  };
  return (
    <section className="page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {rows.value.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <button type="button" className="primary" disabled={open.length === 0} onClick={exportAll}>
            {t('outbox.exportAll')}
          </button>
          <table className="applicant-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.applicant')}</th>
                <th scope="col">{t('outbox.seq')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.file')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.value.map((row) => (
                <tr
                  key={row.packageId}
                  data-testid={`outbox-${row.kind}-${row.applicantId ?? 'cycle'}-${row.seq ?? 0}`}
                >
                  <td>{t(`outbox.kind.${row.kind}`)}</td>
                  <td>{row.applicantId ?? '—'}</td>
                  <td>{row.seq ?? '—'}</td>
                  <td>{t(`outbox.status.${row.status}`)}</td>
                  <td>
                    <DownloadLink
                      base64={row.base64}
                      fileName={row.fileName}
                      packageId={row.packageId}
                      pending={row.status !== 'confirmed'}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
