import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { addRecord, removeRecord, updateRecord } from './session-records';

/** What every record log takes from its section: the items to link, ids for new records, and the save path. */
export interface RecordLogProps<T> {
  readonly itemChoices: readonly Choice[];
  readonly newId: () => string;
  /** `typing` is true for keystrokes (written after a pause), false for everything else (written at once). */
  readonly onChange: (next: T[], typing: boolean) => void;
  readonly onBlur: () => void;
}

interface RecordTextProps {
  /** The record's field names: the control is named "{record}：{field}" ("访谈 1：发现"). */
  readonly name: (field: string) => string;
  /** The visible label. */
  readonly field: string;
  readonly value: string;
  /** The row schema's limit for this text, so no paste can make a write fail. */
  readonly maxLength: number;
  /** Called on every keystroke; the caller saves it as typing. */
  readonly onText: (value: string) => void;
  readonly onBlur: () => void;
  readonly wide?: boolean;
  readonly placeholder?: string;
  readonly describedBy?: string;
  /** Shown after the control, inside the label (a hint the control is described by). */
  readonly after?: ReactNode;
}

/** A labelled one-line text box of a record. */
export function RecordTextField({ name, field, value, maxLength, onText, onBlur, ...rest }: RecordTextProps) {
  return (
    <label className={rest.wide === true ? 'wide' : undefined}>
      {field}
      <input
        type="text"
        aria-label={name(field)}
        aria-describedby={rest.describedBy}
        value={value}
        maxLength={maxLength}
        placeholder={rest.placeholder}
        onChange={(event) => onText(event.target.value)}
        onBlur={onBlur}
      />
      {rest.after}
    </label>
  );
}

/** A labelled text area of a record (always wide); `required`/`invalid` mark a text that must be written. */
export function RecordTextArea({
  name,
  field,
  value,
  maxLength,
  onText,
  onBlur,
  rows,
  required,
  invalid,
  ...rest
}: Omit<RecordTextProps, 'wide' | 'after'> & { rows: number; required?: boolean; invalid?: boolean }) {
  return (
    <label className="wide">
      {field}
      <textarea
        aria-label={name(field)}
        aria-required={required}
        aria-invalid={invalid}
        aria-describedby={rest.describedBy}
        rows={rows}
        value={value}
        maxLength={maxLength}
        placeholder={rest.placeholder}
        onChange={(event) => onText(event.target.value)}
        onBlur={onBlur}
      />
    </label>
  );
}

/**
 * One record of a log: its heading, its fields, and the actions row (`actions` first, then remove-with-confirm
 * unless `onRemove` is absent, as for the panel's issues an expert may not remove).
 */
export function RecordItem({
  record,
  heading = record,
  className = 'session-record',
  status,
  actions,
  onRemove,
  children,
}: {
  record: string;
  heading?: ReactNode;
  className?: string;
  status?: string;
  actions?: ReactNode;
  onRemove?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <li className={className} data-status={status}>
      <h3>{heading}</h3>
      {children}
      <div className="session-record-actions">
        {actions}
        {onRemove !== undefined && (
          <ConfirmRemove
            label={t('stageSessions.removeOf', { record })}
            question={t('stageSessions.removeQuestion', { record })}
            onRemove={onRemove}
          />
        )}
      </div>
    </li>
  );
}

/** What a log's shell hands each record: its name, its field names, and edits of it. */
export interface RecordEdit<T> {
  /** "访谈 2". */
  readonly record: string;
  /** "访谈 2：发现". */
  readonly name: (field: string) => string;
  readonly patch: (change: Partial<T>, typing: boolean) => void;
  readonly remove: () => void;
}

/**
 * A log's shell: what comes first (`before`), the empty note, the numbered records (each drawn by `children` with its
 * name and edits) and the add button, which appends `newRecord()`.
 */
export function RecordList<T extends { readonly id: string }>({
  records,
  recordName,
  onChange,
  empty,
  addLabel,
  newRecord,
  before,
  children,
}: {
  records: readonly T[];
  recordName: (n: number) => string;
  onChange: (next: T[], typing: boolean) => void;
  empty: string;
  addLabel: string;
  newRecord: () => T;
  before?: ReactNode;
  children: (item: T, edit: RecordEdit<T>) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="session-records">
      {before}
      {records.length === 0 && <p className="muted">{empty}</p>}
      <ol>
        {records.map((item, index) => {
          const record = recordName(index + 1);
          return children(item, {
            record,
            name: (field) => t('stageSessions.fieldOf', { record, field }),
            patch: (change, typing) => onChange(updateRecord(records, item.id, change), typing),
            remove: () => onChange(removeRecord(records, item.id), false),
          });
        })}
      </ol>
      <button type="button" onClick={() => onChange(addRecord(records, newRecord()), false)}>
        + {addLabel}
      </button>
    </div>
  );
}

/** The record's "关联评分项" picker; ticking is saved at once (not as typing). */
export function RecordItemsPicker({
  name,
  choices,
  selected,
  patch,
}: {
  name: (field: string) => string;
  choices: readonly Choice[];
  selected: readonly string[];
  patch: (change: { itemIds: string[] }, typing: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <ChoicePicker
      label={name(t('stageSessions.items'))}
      choices={choices}
      selected={selected}
      onChange={(itemIds) => patch({ itemIds }, false)}
    />
  );
}
