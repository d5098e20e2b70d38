import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ExpertRecord } from '../../../../src-shared/contract/office-channels';
import type { ConflictFinding } from '../../../../src-shared/office/conflicts';
import { routeHash } from '../../../components/route';
import { useServices } from '../../../components/services';
import { saveOfficePanel, type PanelDraft } from '../../../data/office-panel-repository';
import { useI18n } from '../../../i18n/i18n';
import type { PanelsData } from './load-panels-data';
import { assignable, panelFindings, panelNames, saveProblems, type PanelProblem } from './panel-rules';
import { ProblemList } from './problem-list';

function toggle(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}

/**
 * Creates or edits a panel: its name, its experts (confirmed ones; an expert revoked since stays listed so they can be
 * taken off), one leader among them, and the cycle's applicants. Conflicts are recomputed on every change and shown
 * pair by pair; saving refuses a panel with a conflict or one that breaks the panel rules.
 */
export function PanelForm({
  initial,
  isNew,
  issuedBefore,
  data,
  onSaved,
  onCancel,
}: {
  initial: PanelDraft;
  isNew: boolean;
  issuedBefore: boolean;
  data: PanelsData;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { db, now } = useServices();
  const titleId = useId();
  const [draft, setDraft] = useState<PanelDraft>(initial);
  const [problems, setProblems] = useState<readonly PanelProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => panelNames(data.experts, data.applicants), [data.experts, data.applicants]);
  const findings = panelFindings(draft, data.experts, data.applicants, data.declared);
  const shownExperts = data.experts
    .filter((e) => assignable(e) || draft.expertIds.includes(e.expertId))
    .sort((a, b) => a.profile.name.localeCompare(b.profile.name, 'zh-CN'));
  const otherPanelOf = (applicantId: string): string | undefined =>
    data.panels.find((p) => p.id !== draft.id && p.stage === draft.stage && p.applicantIds.includes(applicantId))?.name;

  const setExpert = (expertId: string, on: boolean): void =>
    setDraft({
      ...draft,
      expertIds: toggle(draft.expertIds, expertId, on),
      leaderId: !on && draft.leaderId === expertId ? '' : draft.leaderId,
    });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = saveProblems(draft, data.panels, findings, names);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const saved = await saveOfficePanel(db, draft, names, now);
    setBusy(false);
    if (saved.ok) onSaved(saved.value.name);
    else setProblems([{ subject: null, error: saved.error }]);
  };

  return (
    <form className="panel panel-form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)}>
      <h2 id={titleId}>
        {isNew
          ? t('officePanels.formNew', { stage: t(`stage.${draft.stage}`) })
          : t('officePanels.formEdit', { name: initial.name })}
      </h2>
      {issuedBefore && <p className="banner banner-warn">{t('officePanels.editAfterIssue')}</p>}
      <label className="panel-name">
        {t('officePanels.name')}
        <input
          required
          maxLength={100}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('officePanels.experts')}</legend>
        {shownExperts.length === 0 ? (
          <p>
            {t('officePanels.noExperts')}{' '}
            <a href={routeHash({ page: 'office-experts' })}>{t('officePanels.expertsPage')}</a>
          </p>
        ) : (
          <table className="applicant-table panel-experts">
            <thead>
              <tr>
                <th scope="col">{t('officePanels.expert')}</th>
                <th scope="col">{t('officePanels.workUnit')}</th>
                <th scope="col">{t('officePanels.leader')}</th>
              </tr>
            </thead>
            <tbody>
              {shownExperts.map((expert) => (
                <ExpertRow
                  key={expert.expertId}
                  expert={expert}
                  member={draft.expertIds.includes(expert.expertId)}
                  leader={draft.leaderId === expert.expertId}
                  onMember={(on) => setExpert(expert.expertId, on)}
                  onLeader={() => setDraft({ ...draft, leaderId: expert.expertId })}
                />
              ))}
            </tbody>
          </table>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('officePanels.applicants')}</legend>
        {data.applicants.length === 0 ? (
          <p>{t('officePanels.noApplicants')}</p>
        ) : (
          <ul className="panel-choices">
            {data.applicants.map((applicant) => {
              const other = otherPanelOf(applicant.id);
              return (
                <li key={applicant.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={draft.applicantIds.includes(applicant.id)}
                      onChange={(e) =>
                        setDraft({ ...draft, applicantIds: toggle(draft.applicantIds, applicant.id, e.target.checked) })
                      }
                    />
                    {applicant.record.name}
                  </label>
                  {other !== undefined && <span className="muted">{t('officePanels.inOther', { panel: other })}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <ConflictTable findings={findings} />
      <ProblemList problems={problems} label={t('officePanels.problems')} />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {t('officePanels.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('officePanels.cancel')}
        </button>
      </div>
    </form>
  );
}

function ExpertRow({
  expert,
  member,
  leader,
  onMember,
  onLeader,
}: {
  expert: ExpertRecord;
  member: boolean;
  leader: boolean;
  onMember: (on: boolean) => void;
  onLeader: () => void;
}) {
  const { t } = useI18n();
  const name = expert.profile.name;
  return (
    <tr>
      <td>
        <label>
          <input type="checkbox" checked={member} onChange={(e) => onMember(e.target.checked)} />
          {name}
        </label>
        {!assignable(expert) && (
          <span className="muted">
            {t('officePanels.notAssignable', { status: t(`officeExperts.status.${expert.status}`) })}
          </span>
        )}
      </td>
      <td>{expert.profile.workUnit}</td>
      <td>
        <label>
          <input type="radio" name="panel-leader" checked={leader} disabled={!member} onChange={onLeader} />
          <span className="visually-hidden">{t('officePanels.leaderOf', { name })}</span>
        </label>
      </td>
    </tr>
  );
}

/** Every conflicting pair with its reason, in the UI's language; announced as it changes. */
function ConflictTable({ findings }: { findings: readonly ConflictFinding[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel-conflicts" aria-live="polite" aria-label={t('officePanels.conflicts')}>
      <h3>{t('officePanels.conflicts')}</h3>
      {findings.length === 0 ? (
        <p className="banner banner-ok">{t('officePanels.conflictsNone')}</p>
      ) : (
        <>
          <p className="banner banner-warn">{t('officePanels.conflictCount', { count: findings.length })}</p>
          <table className="applicant-table">
            <thead>
              <tr>
                <th scope="col">{t('officePanels.expert')}</th>
                <th scope="col">{t('officePanels.applicants')}</th>
                <th scope="col">{t('officePanels.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={`${f.expertId}|${f.applicantId}|${f.reason}`} data-testid="conflict-row">
                  <td>{f.params.expert}</td>
                  <td>{f.params.applicant}</td>
                  <td>{lang === 'en' ? f.params.reasonEn : f.params.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
