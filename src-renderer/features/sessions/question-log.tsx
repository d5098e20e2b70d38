import type { DefenseQuestion } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { RecordItem, RecordItemsPicker, RecordList, RecordTextArea, type RecordLogProps } from './session-fields';
import { clockTime } from './session-records';

/** The defense's questions and summaries of the answers, each stamped with the time it was added and linked to items. */
export function QuestionLog({
  questions,
  itemChoices,
  newId,
  nowIso,
  onChange,
  onBlur,
}: RecordLogProps<DefenseQuestion> & { questions: readonly DefenseQuestion[]; nowIso: () => string }) {
  const { t } = useI18n();
  return (
    <RecordList
      records={questions}
      recordName={(n) => t('stageSessions.question.record', { n })}
      onChange={onChange}
      empty={t('stageSessions.questions.empty')}
      addLabel={t('stageSessions.questions.add')}
      newRecord={() => ({ id: newId(), at: nowIso(), question: '', answer: '', itemIds: [] })}
    >
      {(question, { record, name, patch, remove }) => (
        <RecordItem
          key={question.id}
          record={record}
          heading={
            <>
              {record} <time dateTime={question.at}>{clockTime(question.at)}</time>
            </>
          }
          onRemove={remove}
        >
          <div className="session-fields">
            <RecordTextArea
              name={name}
              field={t('stageSessions.question.question')}
              rows={2}
              value={question.question}
              maxLength={4000}
              onText={(text) => patch({ question: text }, true)}
              onBlur={onBlur}
            />
            <RecordTextArea
              name={name}
              field={t('stageSessions.question.answer')}
              rows={2}
              value={question.answer}
              maxLength={4000}
              onText={(text) => patch({ answer: text }, true)}
              onBlur={onBlur}
            />
            <RecordItemsPicker name={name} choices={itemChoices} selected={question.itemIds} patch={patch} />
          </div>
        </RecordItem>
      )}
    </RecordList>
  );
}
