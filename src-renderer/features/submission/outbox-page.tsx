import { useState } from 'react';
import { ok, type AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { markExported } from '../../data/outbox-repository';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { loadOutboxEntries, type OutboxEntry } from '../../data/outbox-view';
import { useI18n } from '../../i18n/i18n';
import { DownloadLink } from './download-link';
import { ReceiptImport } from './receipt-import';

function StatusCell({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  if (entry.receipt === null) return <>{t(`outbox.status.${entry.status}`)}</>;
  return (
    <>
      {t('outbox.status.confirmed')}
      <br />
      <small>{t('outbox.receivedAt', { time: entry.receipt.receivedAt.slice(0, 16).replace('T', ' ') })}</small>
    </>
  );
}

/**
 * Every signed package: kind, applicant, stage, version, status (not exported / exported / confirmed by the office's
 * receipt) and its file; "export all not yet confirmed" in one step; and the import of the office's receipts.
 */
export function OutboxPage() {
  const { t } = useI18n();
  const { db, now } = useServices();
  const [version, setVersion] = useState(0);
  const rows = useAsync(async () => ok(await loadOutboxEntries(db, now)), [db, now, version]);
  const refresh = (): void => setVersion((v) => v + 1);
  // The receipt import stays mounted while the list reloads after it, so its summary is not lost.
  return (
    <section className="page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {rows.status !== 'ready' ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <OutboxTable rows={rows.value} onExported={refresh} />
      )}
      <ReceiptImport onApplied={refresh} />
    </section>
  );
}

function OutboxTable({ rows, onExported }: { rows: readonly OutboxEntry[]; onExported: () => void }) {
  const { t, lang } = useI18n();
  const { client, db, now, transport } = useServices();
  const [saved, setSaved] = useState<{ folder: string; count: number } | undefined>(undefined);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const open = rows.filter((row) => row.status !== 'confirmed');
  const exportAll = async (): Promise<void> => {
    setError(undefined);
    if (transport === 'web') {
      // One click per file: the browser saves each as a download (to its download folder or where it asks).
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-outbox-file]')) link.click();
      setTimeout(onExported, 500);
      return;
    }
    // The desktop app asks for one folder (a USB stick, say) and main writes every file there.
    const files = open.map((row) => ({ fileName: row.fileName, base64: row.base64 }));
    const written = await client.call('files:save-to-folder', { title: t('outbox.chooseFolder'), files });
    if (!written.ok) return setError(written.error);
    if (written.value.folder === null) return;
    const marked = await markExported(
      db,
      open.map((row) => row.packageId),
      now,
    );
    if (!marked.ok) return setError(marked.error);
    setSaved({ folder: written.value.folder, count: written.value.written.length });
    onExported();
  };
  return (
    <>
      {error !== undefined && <ErrorBanner error={error} />}
      {saved !== undefined && (
        <p className="banner banner-ok" role="status">
          {t('outbox.savedToFolder', saved)}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <p>{t('outbox.counts', { total: rows.length, open: open.length })}</p>
          <button type="button" className="primary" disabled={open.length === 0} onClick={() => void exportAll()}>
            {t('outbox.exportAll')}
          </button>
          <table className="applicant-table">
            <caption className="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.applicant')}</th>
                <th scope="col">{t('outbox.stage')}</th>
                <th scope="col">{t('outbox.seq')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.file')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.packageId}
                  data-testid={`outbox-${row.kind}-${row.applicantId ?? 'cycle'}-${row.seq ?? 0}`}
                >
                  <td>{t(`outbox.kind.${row.kind}`)}</td>
                  <td>
                    {row.applicantId === null ? (row.cycleName?.[lang] ?? '—') : (row.applicantName ?? row.applicantId)}
                  </td>
                  <td>{row.stage === null ? '—' : t(`stage.${row.stage}`)}</td>
                  <td>{row.seq ?? '—'}</td>
                  <td>
                    <StatusCell entry={row} />
                  </td>
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
    </>
  );
}
