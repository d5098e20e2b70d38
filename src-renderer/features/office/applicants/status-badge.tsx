import type { RuleStatus } from '../../../../src-shared/office/eligibility-types';
import { useI18n } from '../../../i18n/i18n';

/** A mark before the word, so the status reads without colour too. */
const MARK: Readonly<Record<RuleStatus, string>> = { pass: '✓', fail: '✗', 'needs-judgement': '?' };

/** Pass, fail or needs judgement: coloured, marked and in words. */
export function StatusBadge({ status }: { status: RuleStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(`officeApplicants.status.${status}`)}
    </span>
  );
}
