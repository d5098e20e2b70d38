import type { Interview } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import {
  RecordItem,
  RecordItemsPicker,
  RecordList,
  RecordTextArea,
  RecordTextField,
  type RecordLogProps,
} from './session-fields';
import { fromLocalInput, toLocalInput } from './session-records';

/** Interviews on site: the interviewee by role only (no personal names), when, the topics, items and findings. */
export function InterviewLog({
  interviews,
  itemChoices,
  newId,
  nowIso,
  onChange,
  onBlur,
}: RecordLogProps<Interview> & { interviews: readonly Interview[]; nowIso: () => string }) {
  const { t } = useI18n();
  return (
    <RecordList
      records={interviews}
      recordName={(n) => t('stageSessions.interview.record', { n })}
      onChange={onChange}
      empty={t('stageSessions.interviews.empty')}
      addLabel={t('stageSessions.interviews.add')}
      newRecord={() => ({ id: newId(), role: '', at: nowIso(), topics: '', itemIds: [], findings: '' })}
    >
      {(interview, { record, name, patch, remove }) => {
        const hintId = `role-hint-${interview.id}`;
        return (
          <RecordItem key={interview.id} record={record} onRemove={remove}>
            <div className="session-fields">
              <RecordTextField
                name={name}
                field={t('stageSessions.interview.role')}
                describedBy={hintId}
                value={interview.role}
                maxLength={200}
                onText={(text) => patch({ role: text }, true)}
                onBlur={onBlur}
                after={
                  <span id={hintId} className="field-hint">
                    {t('stageSessions.interview.roleHint')}
                  </span>
                }
              />
              <label>
                {t('stageSessions.interview.at')}
                <input
                  type="datetime-local"
                  aria-label={name(t('stageSessions.interview.at'))}
                  value={toLocalInput(interview.at)}
                  onChange={(event) => {
                    const at = fromLocalInput(event.target.value);
                    if (at !== null) patch({ at }, true);
                  }}
                  onBlur={onBlur}
                />
              </label>
              <RecordTextArea
                name={name}
                field={t('stageSessions.interview.topics')}
                rows={2}
                value={interview.topics}
                maxLength={2000}
                onText={(text) => patch({ topics: text }, true)}
                onBlur={onBlur}
              />
              <RecordTextArea
                name={name}
                field={t('stageSessions.interview.findings')}
                rows={3}
                value={interview.findings}
                maxLength={4000}
                onText={(text) => patch({ findings: text }, true)}
                onBlur={onBlur}
              />
              <RecordItemsPicker name={name} choices={itemChoices} selected={interview.itemIds} patch={patch} />
            </div>
          </RecordItem>
        );
      }}
    </RecordList>
  );
}
