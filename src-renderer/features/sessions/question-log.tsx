import type { DefenseQuestion } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { addRecord, clockTime, removeRecord, updateRecord } from './session-records';

/** The defense's questions and summaries of the answers, each stamped with the time it was added and linked to items. */
export function QuestionLog({
  questions,
  itemChoices,
  newId,
  nowIso,
  onChange,
  onBlur,
}: {
  questions: readonly DefenseQuestion[];
  itemChoices: readonly Choice[];
  newId: () => string;
  nowIso: () => string;
  onChange: (next: DefenseQuestion[], typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="session-records">
      {questions.length === 0 && <p className="muted">{t('stageSessions.questions.empty')}</p>}
      <ol>
        {questions.map((question, index) => {
          const record = t('stageSessions.question.record', { n: index + 1 });
          const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
          const patch = (change: Partial<DefenseQuestion>, typing: boolean): void =>
            onChange(updateRecord(questions, question.id, change), typing);
          return (
            <li key={question.id} className="session-record">
              <h3>
                {record} <time dateTime={question.at}>{clockTime(question.at)}</time>
              </h3>
              <div className="session-fields">
                <label className="wide">
                  {t('stageSessions.question.question')}
                  <textarea
                    aria-label={name(t('stageSessions.question.question'))}
                    rows={2}
                    value={question.question}
                    maxLength={4000}
                    onChange={(event) => patch({ question: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <label className="wide">
                  {t('stageSessions.question.answer')}
                  <textarea
                    aria-label={name(t('stageSessions.question.answer'))}
                    rows={2}
                    value={question.answer}
                    maxLength={4000}
                    onChange={(event) => patch({ answer: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <ChoicePicker
                  label={name(t('stageSessions.items'))}
                  choices={itemChoices}
                  selected={question.itemIds}
                  onChange={(itemIds) => patch({ itemIds }, false)}
                />
              </div>
              <div className="session-record-actions">
                <ConfirmRemove
                  label={t('stageSessions.removeOf', { record })}
                  question={t('stageSessions.removeQuestion', { record })}
                  onRemove={() => onChange(removeRecord(questions, question.id), false)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange(addRecord(questions, { id: newId(), at: nowIso(), question: '', answer: '', itemIds: [] }), false)
        }
      >
        + {t('stageSessions.questions.add')}
      </button>
    </div>
  );
}
