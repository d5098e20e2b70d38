import type { ReactNode } from 'react';
import type { IssueKind } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import type { Choice } from './choice-picker';
import { RecordItemsPicker, RecordTextArea, RecordTextField, type RecordLogProps } from './session-fields';
import type { IssueDraft } from './session-records';

export type IssuePatch = Partial<Omit<IssueDraft, 'id' | 'origin'>>;

/** What the issue lists take: the issues, the log's props, and `attach`, an issue's "attach evidence" control. */
export type IssueListProps = RecordLogProps<IssueDraft> & {
  issues: readonly IssueDraft[];
  attach?: (issue: IssueDraft, record: string) => ReactNode;
};

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
      <RecordTextArea
        name={name}
        field={t('stageSessions.issue.text')}
        rows={2}
        value={issue.text}
        maxLength={2000}
        placeholder={t('stageSessions.issue.textHint')}
        onText={(text) => onChange({ text }, true)}
        onBlur={onBlur}
      />
      <RecordTextField
        name={name}
        field={t('stageSessions.issue.evidence')}
        wide
        value={issue.evidence}
        maxLength={2000}
        placeholder={t('stageSessions.issue.evidenceHint')}
        onText={(evidence) => onChange({ evidence }, true)}
        onBlur={onBlur}
      />
      <RecordItemsPicker name={name} choices={itemChoices} selected={issue.itemIds} patch={onChange} />
    </div>
  );
}

/** " · 关联评分项：4.1.1, 4.2.1" after an issue shown read-only. */
export function IssueItemsNote({
  itemIds,
  itemChoices,
}: {
  itemIds: readonly string[];
  itemChoices: readonly Choice[];
}) {
  const { t } = useI18n();
  const short = (id: string): string => itemChoices.find((choice) => choice.id === id)?.short ?? id;
  return (
    <span className="muted">
      {' '}
      ·{' '}
      {t('stageSessions.listOf', {
        label: t('stageSessions.items'),
        list: itemIds.map(short).join(', '),
      })}
    </span>
  );
}
