import type { ExpertRecord } from '../../../../src-shared/contract/office-channels';
import { formatFingerprint } from '../../../../src-shared/packages/ed25519';
import { ActionButtons } from '../../../components/action-buttons';
import { useI18n } from '../../../i18n/i18n';

/** What the office chose to do with one expert; the page opens the matching dialog. */
export type ExpertAction = { readonly kind: 'confirm' | 'edit' | 'revoke'; readonly expert: ExpertRecord };

/** What each status allows, in the order the buttons stand: a revoked key is kept for the record only. */
const ALLOWED: Readonly<Record<ExpertRecord['status'], readonly ExpertAction['kind'][]>> = {
  pending: ['confirm', 'edit', 'revoke'],
  confirmed: ['edit', 'revoke'],
  revoked: [],
};

/** Minutes are enough to say when; the office's clock is UTC in the record. */
function when(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 16).replace('T', ' ');
}

/**
 * The registry as a table: the expert's details, the fingerprint in groups of four, the status (to confirm, confirmed
 * with who and when, revoked with when and why) and the actions the status allows.
 */
export function ExpertTable({
  experts,
  onAction,
}: {
  experts: readonly ExpertRecord[];
  onAction: (action: ExpertAction) => void;
}) {
  const { t, lang } = useI18n();
  if (experts.length === 0) return <p className="panel empty-state">{t('officeExperts.empty')}</p>;
  const count = (status: ExpertRecord['status']): number => experts.filter((e) => e.status === status).length;
  const sorted = [...experts].sort((a, b) => a.profile.name.localeCompare(b.profile.name, 'zh-CN'));
  return (
    <>
      <p>
        {t('officeExperts.counts', {
          total: experts.length,
          pending: count('pending'),
          confirmed: count('confirmed'),
          revoked: count('revoked'),
        })}
      </p>
      <table className="applicant-table expert-table">
        <caption>{t('officeExperts.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeExperts.name')}</th>
            <th scope="col">{t('officeExperts.workUnit')}</th>
            <th scope="col">{t('officeExperts.jobTitle')}</th>
            <th scope="col">{t('officeExperts.fields')}</th>
            <th scope="col">{t('officeExperts.phone')}</th>
            <th scope="col">{t('officeExperts.fingerprint')}</th>
            <th scope="col">{t('officeExperts.status')}</th>
            <th scope="col">{t('officeExperts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((expert) => {
            const name = expert.profile.name;
            return (
              <tr key={expert.expertId} className={`expert-${expert.status}`} data-testid={`expert-${name}`}>
                <th scope="row">{name}</th>
                <td>{expert.profile.workUnit}</td>
                <td>{expert.profile.title}</td>
                <td>{expert.profile.fields.join(lang === 'en' ? ', ' : '、')}</td>
                <td>{expert.profile.phone}</td>
                <td>
                  <code className="fingerprint expert-fingerprint">{formatFingerprint(expert.fingerprint)}</code>
                </td>
                <td>
                  <span className={`expert-status status-${expert.status}`}>
                    {t(`officeExperts.status.${expert.status}`)}
                  </span>
                  {expert.status === 'confirmed' && expert.confirmedBy !== null && (
                    <small className="muted">
                      {t('officeExperts.confirmedBy', { by: expert.confirmedBy, at: when(expert.confirmedAt) })}
                    </small>
                  )}
                  {expert.status === 'revoked' && (
                    <small className="muted">
                      {t('officeExperts.revokedAt', { at: when(expert.revokedAt), reason: expert.revokeReason ?? '' })}
                    </small>
                  )}
                </td>
                <td className="expert-actions">
                  <ActionButtons
                    buttons={ALLOWED[expert.status].map((kind) => ({
                      text: t(`officeExperts.${kind}`),
                      label: t(`officeExperts.${kind}For`, { name }),
                      primary: kind === 'confirm',
                      onClick: () => onAction({ kind, expert }),
                    }))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
