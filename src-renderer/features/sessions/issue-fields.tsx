import type { IssueKind } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import type { IssueDraft } from './session-records';

export type IssuePatch = Partial<Omit<IssueDraft, 'id' | 'origin'>>;

/**
 * What the expert writes of one own issue to verify: verify or clarify, the doubt, where it comes from in the
 * materials, and the items it bears on. Each control is named after its record ("待核实问题 2：类型").
 */
export function IssueFields({
  issue,
  record,
  itemChoices,
  onChange,
  onBlur,
}: {
  issue: IssueDraft;
  record: string;
  itemChoices: readonly Choice[];
  onChange: (patch: IssuePatch, typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
  return (
    <div className="session-fields">
      <label>
        {t('stageSessions.issue.kind')}
        <select
          aria-label={name(t('stageSessions.issue.kind'))}
          value={issue.kind}
          onChange={(event) => onChange({ kind: event.target.value as IssueKind }, false)}
        >
          <option value="verify">{t('stageSessions.kind.verify')}</option>
          <option value="clarify">{t('stageSessions.kind.clarify')}</option>
        </select>
      </label>
      <label className="wide">
        {t('stageSessions.issue.text')}
        <textarea
          aria-label={name(t('stageSessions.issue.text'))}
          rows={2}
          value={issue.text}
          maxLength={2000}
          placeholder={t('stageSessions.issue.textHint')}
          onChange={(event) => onChange({ text: event.target.value }, true)}
          onBlur={onBlur}
        />
      </label>
      <label className="wide">
        {t('stageSessions.issue.evidence')}
        <input
          type="text"
          aria-label={name(t('stageSessions.issue.evidence'))}
          value={issue.evidence}
          maxLength={2000}
          placeholder={t('stageSessions.issue.evidenceHint')}
          onChange={(event) => onChange({ evidence: event.target.value }, true)}
          onBlur={onBlur}
        />
      </label>
      <ChoicePicker
        label={name(t('stageSessions.items'))}
        choices={itemChoices}
        selected={issue.itemIds}
        onChange={(itemIds) => onChange({ itemIds }, false)}
      />
    </div>
  );
}
