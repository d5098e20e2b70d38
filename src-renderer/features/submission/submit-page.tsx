import { lazy, Suspense, useRef, useState } from 'react';
import type { SignedPackage } from '../../../src-shared/contract/channels';
import { ok, type AppError } from '../../../src-shared/contract/result';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { formatPoints } from '../../../src-shared/scoring/percent';
import { checkForSubmit } from '../../../src-shared/scoring/submit-validation';
import { computeTotals } from '../../../src-shared/scoring/totals';
import { defaultStageSetup } from '../../../src-shared/stages/stage-setup';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useServices } from '../../components/services';
import { useAssignment } from '../../components/use-assignment';
import { useAsync } from '../../components/use-async';
import { loadAssignmentPackage } from '../../data/assignment-repository';
import { recordSubmission, reopenForRevision } from '../../data/outbox-repository';
import { sheetRowSchema } from '../../data/row-schemas';
import { loadSheetItems, sheetIdOf } from '../../data/sheet-repository';
import { buildStageWork } from '../../data/stage-work-payload';
import { loadStageWork } from '../../data/stage-work-repository';
import { useI18n } from '../../i18n/i18n';
import { DownloadLink } from './download-link';
import { StageProblems } from './stage-problems';

const CategoryRadar = lazy(() => import('../../components/category-radar').then((m) => ({ default: m.CategoryRadar })));

/** Submit: validation, a summary (totals, radar, warnings), an explicit confirmation, then the signature in main. */
export function SubmitPage({ assignmentId, applicantId }: { assignmentId: string; applicantId: string }) {
  const { t, pick } = useI18n();
  const { db, client, now, transport } = useServices();
  const sheetId = sheetIdOf(assignmentId, applicantId);
  const context = useAssignment(assignmentId, { onlyApplicantId: applicantId });
  const [version, setVersion] = useState(0);
  const data = useAsync(async () => {
    const [items, sheet, signed, work] = await Promise.all([
      loadSheetItems(db, sheetId, now),
      db.sheets.get(sheetId),
      loadAssignmentPackage(db, assignmentId, now),
      loadStageWork(db, sheetId, now),
    ]);
    if (!work.ok) return work;
    const parsed = sheetRowSchema.safeParse(sheet);
    return ok({
      items: items.items,
      sheet: parsed.success ? parsed.data : undefined,
      rules: signed?.payload.commentRules,
      // An assignment from before issue 5 carries no setup: the cycle ran with the defaults.
      setup: signed?.payload.stageSetup ?? defaultStageSetup,
      workRow: work.value,
    });
  }, [db, sheetId, assignmentId, now, version]);
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [signed, setSigned] = useState<SignedPackage | undefined>(undefined);
  const [reason, setReason] = useState('');

  if (context.status === 'loading' || data.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  if (data.status === 'error') return <ErrorBanner error={data.error} />;
  const criteria = context.value.criteria;
  const applicant = context.value.view?.applicants[0];
  const { items, sheet, rules, setup, workRow } = data.value;
  if (criteria === undefined || applicant === undefined || sheet === undefined || rules === undefined)
    return <ErrorBanner error={{ code: 'E_SHEET_NOT_FOUND' }} />;
  const check = checkForSubmit(criteria, items, rules);
  const totals = computeTotals(criteria, new Map([...items].map(([id, row]) => [id, row.percent])));
  const names = new Map(criteria.categories.map((c) => [c.id, pick(c.name)]));
  const itemLink = (itemId: string) => routeHash({ page: 'scorebook', assignmentId, applicantId, itemId });
  const percents = new Map([...items].map(([id, row]) => [id, row.percent]));
  /** The stage's signed work as of `at` (a defense segment still running counts until then). */
  const stageWorkAt = (at: Date) =>
    buildStageWork({
      stage: sheet.stage,
      row: workRow,
      itemIds: allItems(criteria).map((item) => item.id),
      percents,
      setup,
      now: at.getTime(),
    });
  const stageWork = stageWorkAt(now());
  const blocked = check.errors.length > 0 || stageWork.problems.length > 0;

  const confirmBody = t('submit.confirmBody', { name: applicant.name, total: formatPoints(totals.hundredths) });
  /** The desktop app asks with main's native dialog; the browser host (or a failed native dialog) asks in the page. */
  const askToConfirm = async (): Promise<void> => {
    if (transport === 'electron') {
      const asked = await client.call('dialog:confirm', {
        title: t('submit.confirmTitle'),
        message: confirmBody,
        detail: sheet.revisionReason === undefined ? '' : t('submit.revisionOf', { reason: sheet.revisionReason }),
        confirmLabel: t('submit.confirm'),
        cancelLabel: t('submit.cancel'),
      });
      if (asked.ok) {
        if (asked.value.confirmed) await submit();
        return;
      }
    }
    dialog.current?.showModal();
  };

  const submit = async (): Promise<void> => {
    dialog.current?.close();
    setBusy(true);
    const result = await client.call('packages:sign-sheet', {
      assignmentId,
      applicantId,
      items: [...items.values()].map((row) => ({
        itemId: row.itemId,
        percent: row.percent,
        strengths: row.strengths.map(({ text, page, ref }) => ({ text, page, ref })),
        ofis: row.ofis.map(({ text, page, ref }) => ({ text, page, ref })),
      })),
      revisionReason: sheet.revisionReason ?? null,
      work: stageWorkAt(now()).work,
    });
    const stored = result.ok
      ? await recordSubmission(db, sheetId, result.value, { assignmentId, applicantId, kind: 'sheet' }, now)
      : result;
    setBusy(false);
    if (result.ok && stored.ok) {
      setSigned(result.value);
      setError(undefined);
      setVersion((v) => v + 1);
    } else setError(stored.ok ? undefined : stored.error);
  };

  return (
    <section className="page submit-page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href={routeHash({ page: 'applicants', assignmentId })}>{t('score.backToList')}</a> ›{' '}
        <a href={routeHash({ page: 'scorebook', assignmentId, applicantId, itemId: undefined })}>{applicant.name}</a>
      </nav>
      <h1>{t('submit.title', { name: applicant.name })}</h1>
      {error !== undefined && <ErrorBanner error={error} />}
      {signed !== undefined && (
        <div className="banner banner-ok" role="status">
          {t('submit.done', { seq: signed.seq ?? 1 })}{' '}
          <DownloadLink base64={signed.base64} fileName={signed.fileName} packageId={signed.packageId} />
        </div>
      )}
      <div className="panel">
        <p className="grand-total">
          {t('totals.total')}{' '}
          <strong data-testid="submit-total">
            {t('totals.of', { points: formatPoints(totals.hundredths), max: formatPoints(totals.maxHundredths) })}
          </strong>
        </p>
        <table className="category-table">
          <tbody>
            {totals.categories.map((c) => (
              <tr key={c.categoryId}>
                <th scope="row">
                  {c.categoryId} {names.get(c.categoryId)}
                </th>
                <td>
                  {formatPoints(c.hundredths)} / {formatPoints(c.maxHundredths)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={<p className="muted">{t('totals.chartLoading')}</p>}>
          <CategoryRadar
            data={totals.categories.map((c) => ({
              category: names.get(c.categoryId) ?? c.categoryId,
              percent: Math.round((c.hundredths / c.maxHundredths) * 100),
            }))}
            label={t('totals.chart')}
          />
        </Suspense>
      </div>
      {check.errors.length > 0 && (
        <div className="panel">
          <h2>{t('submit.errors', { count: check.errors.length })}</h2>
          <ul aria-label={t('submit.errors', { count: check.errors.length })}>
            {check.errors.map((issue) => (
              <li key={`${issue.itemId}-${issue.code}`}>
                <a href={itemLink(issue.itemId)}>{issue.itemId}</a> {t(`submit.issue.${issue.code}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <StageProblems
        problems={stageWork.problems}
        stage={sheet.stage}
        work={stageWork.work}
        row={workRow}
        setup={setup}
        assignmentId={assignmentId}
        applicantId={applicantId}
      />
      {check.warnings.length > 0 && (
        <div className="panel">
          <h2>{t('submit.warnings', { count: check.warnings.length })}</h2>
          <ul>
            {check.warnings.map((issue) => (
              <li key={`${issue.itemId}-${issue.code}`}>
                <a href={itemLink(issue.itemId)}>{issue.itemId}</a> {t(`submit.issue.${issue.code}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sheet.status === 'submitted' ? (
        <div className="panel identity-form">
          <p role="status">{t('submit.locked', { seq: sheet.submittedSeq ?? 1 })}</p>
          <label>
            {t('submit.revisionReason')}
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={reason.trim() === ''}
            onClick={() =>
              void reopenForRevision(db, sheetId, reason.trim(), now).then(() => {
                setSigned(undefined);
                setVersion((v) => v + 1);
              })
            }
          >
            {t('submit.revise')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={blocked || busy}
          aria-busy={busy}
          onClick={() => void askToConfirm()}
        >
          {t('submit.submit')}
        </button>
      )}
      <dialog ref={dialog} aria-labelledby="confirm-title" className="panel">
        <h2 id="confirm-title">{t('submit.confirmTitle')}</h2>
        <p>{confirmBody}</p>
        {sheet.revisionReason !== undefined && <p>{t('submit.revisionOf', { reason: sheet.revisionReason })}</p>}
        <button type="button" className="primary" onClick={() => void submit()}>
          {t('submit.confirm')}
        </button>{' '}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('submit.cancel')}
        </button>
      </dialog>
    </section>
  );
}
