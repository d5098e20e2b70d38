import type { DocumentSeen } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { RecordItem, RecordItemsPicker, RecordList, RecordTextField, type RecordLogProps } from './session-fields';

/** Documents seen on site: title, number (文号), page and the items they bear on. */
export function DocumentLog({
  documents,
  itemChoices,
  newId,
  onChange,
  onBlur,
}: RecordLogProps<DocumentSeen> & { documents: readonly DocumentSeen[] }) {
  const { t } = useI18n();
  return (
    <RecordList
      records={documents}
      recordName={(n) => t('stageSessions.document.record', { n })}
      onChange={onChange}
      empty={t('stageSessions.documents.empty')}
      addLabel={t('stageSessions.documents.add')}
      newRecord={() => ({ id: newId(), title: '', number: '', page: null, itemIds: [] })}
    >
      {(document, { record, name, patch, remove }) => (
        <RecordItem key={document.id} record={record} onRemove={remove}>
          <div className="session-fields">
            <RecordTextField
              name={name}
              field={t('stageSessions.document.title')}
              wide
              value={document.title}
              maxLength={500}
              onText={(text) => patch({ title: text }, true)}
              onBlur={onBlur}
            />
            <RecordTextField
              name={name}
              field={t('stageSessions.document.number')}
              value={document.number}
              maxLength={200}
              onText={(text) => patch({ number: text }, true)}
              onBlur={onBlur}
            />
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
            <RecordItemsPicker name={name} choices={itemChoices} selected={document.itemIds} patch={patch} />
          </div>
        </RecordItem>
      )}
    </RecordList>
  );
}
