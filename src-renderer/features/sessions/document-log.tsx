import type { DocumentSeen } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { addRecord, removeRecord, updateRecord } from './session-records';

/** Documents seen on site: title, number (文号), page and the items they bear on. */
export function DocumentLog({
  documents,
  itemChoices,
  newId,
  onChange,
  onBlur,
}: {
  documents: readonly DocumentSeen[];
  itemChoices: readonly Choice[];
  newId: () => string;
  onChange: (next: DocumentSeen[], typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="session-records">
      {documents.length === 0 && <p className="muted">{t('stageSessions.documents.empty')}</p>}
      <ol>
        {documents.map((document, index) => {
          const record = t('stageSessions.document.record', { n: index + 1 });
          const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
          const patch = (change: Partial<DocumentSeen>, typing: boolean): void =>
            onChange(updateRecord(documents, document.id, change), typing);
          return (
            <li key={document.id} className="session-record">
              <h3>{record}</h3>
              <div className="session-fields">
                <label className="wide">
                  {t('stageSessions.document.title')}
                  <input
                    type="text"
                    aria-label={name(t('stageSessions.document.title'))}
                    value={document.title}
                    maxLength={500}
                    onChange={(event) => patch({ title: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <label>
                  {t('stageSessions.document.number')}
                  <input
                    type="text"
                    aria-label={name(t('stageSessions.document.number'))}
                    value={document.number}
                    maxLength={200}
                    onChange={(event) => patch({ number: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <label>
                  {t('stageSessions.document.page')}
                  <input
                    type="number"
                    min={1}
                    inputMode="numeric"
                    aria-label={name(t('stageSessions.document.page'))}
                    value={document.page ?? ''}
                    onChange={(event) => {
                      const page = Number.parseInt(event.target.value, 10);
                      patch({ page: Number.isInteger(page) && page > 0 ? page : null }, true);
                    }}
                    onBlur={onBlur}
                  />
                </label>
                <ChoicePicker
                  label={name(t('stageSessions.items'))}
                  choices={itemChoices}
                  selected={document.itemIds}
                  onChange={(itemIds) => patch({ itemIds }, false)}
                />
              </div>
              <div className="session-record-actions">
                <ConfirmRemove
                  label={t('stageSessions.removeOf', { record })}
                  question={t('stageSessions.removeQuestion', { record })}
                  onRemove={() => onChange(removeRecord(documents, document.id), false)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange(addRecord(documents, { id: newId(), title: '', number: '', page: null, itemIds: [] }), false)
        }
      >
        + {t('stageSessions.documents.add')}
      </button>
    </div>
  );
}
