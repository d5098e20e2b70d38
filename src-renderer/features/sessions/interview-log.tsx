import type { Interview } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { addRecord, fromLocalInput, removeRecord, toLocalInput, updateRecord } from './session-records';

/** Interviews on site: the interviewee by role only (no personal names), when, the topics, items and findings. */
export function InterviewLog({
  interviews,
  itemChoices,
  newId,
  nowIso,
  onChange,
  onBlur,
}: {
  interviews: readonly Interview[];
  itemChoices: readonly Choice[];
  newId: () => string;
  nowIso: () => string;
  onChange: (next: Interview[], typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="session-records">
      {interviews.length === 0 && <p className="muted">{t('stageSessions.interviews.empty')}</p>}
      <ol>
        {interviews.map((interview, index) => {
          const record = t('stageSessions.interview.record', { n: index + 1 });
          const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
          const patch = (change: Partial<Interview>, typing: boolean): void =>
            onChange(updateRecord(interviews, interview.id, change), typing);
          const hintId = `role-hint-${interview.id}`;
          return (
            <li key={interview.id} className="session-record">
              <h3>{record}</h3>
              <div className="session-fields">
                <label>
                  {t('stageSessions.interview.role')}
                  <input
                    type="text"
                    aria-label={name(t('stageSessions.interview.role'))}
                    aria-describedby={hintId}
                    value={interview.role}
                    maxLength={200}
                    onChange={(event) => patch({ role: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                  <span id={hintId} className="field-hint">
                    {t('stageSessions.interview.roleHint')}
                  </span>
                </label>
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
                <label className="wide">
                  {t('stageSessions.interview.topics')}
                  <textarea
                    aria-label={name(t('stageSessions.interview.topics'))}
                    rows={2}
                    value={interview.topics}
                    maxLength={2000}
                    onChange={(event) => patch({ topics: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <label className="wide">
                  {t('stageSessions.interview.findings')}
                  <textarea
                    aria-label={name(t('stageSessions.interview.findings'))}
                    rows={3}
                    value={interview.findings}
                    maxLength={4000}
                    onChange={(event) => patch({ findings: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <ChoicePicker
                  label={name(t('stageSessions.items'))}
                  choices={itemChoices}
                  selected={interview.itemIds}
                  onChange={(itemIds) => patch({ itemIds }, false)}
                />
              </div>
              <div className="session-record-actions">
                <ConfirmRemove
                  label={t('stageSessions.removeOf', { record })}
                  question={t('stageSessions.removeQuestion', { record })}
                  onRemove={() => onChange(removeRecord(interviews, interview.id), false)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange(
            addRecord(interviews, { id: newId(), role: '', at: nowIso(), topics: '', itemIds: [], findings: '' }),
            false,
          )
        }
      >
        + {t('stageSessions.interviews.add')}
      </button>
    </div>
  );
}
