import type { ReactNode } from 'react';
import {
  CERTIFICATION_LABELS,
  EXPORT_RECORD_LABELS,
  INCIDENT_LABELS,
  type ChoiceLabel,
} from '../../../../src-shared/office/applicant-columns';
import {
  certificationKindSchema,
  exportRecordKindSchema,
  incidentKindSchema,
} from '../../../../src-shared/office/applicant-schema';
import { useI18n } from '../../../i18n/i18n';
import type { CertificationDraft, ExportRecordDraft, IncidentDraft } from './applicant-draft';
import { SelectField, TextField, type Problem } from './form-controls';

/**
 * The repeatable parts of an applicant: certifications (Art. 9 (4)), incidents (Art. 9 (3)) and export records
 * (Art. 9 (3)). Each entry is a labelled group with its own remove button; problems show under the part they name.
 */

interface ListProps<T> {
  readonly items: readonly T[];
  readonly onChange: (items: readonly T[]) => void;
  readonly problemsOf: (path: string) => readonly Problem[];
  readonly newKey: () => string;
}

function choices<K extends string>(ids: readonly K[], labels: Readonly<Record<K, ChoiceLabel>>, lang: 'zh-CN' | 'en') {
  return ids.map((id) => ({ value: id, label: labels[id][lang] }));
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

/** The frame of one list: legend, hint, entries, and the add button. */
function ListShell({
  legend,
  hint,
  empty,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  hint: string;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode[];
}) {
  return (
    <fieldset className="entry-list">
      <legend>{legend}</legend>
      <p className="muted">{hint}</p>
      {children.length === 0 ? <p className="muted">{empty}</p> : <ol>{children}</ol>}
      <button type="button" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function Entry({
  label,
  onRemove,
  removeLabel,
  children,
}: {
  label: string;
  onRemove: () => void;
  removeLabel: string;
  children: ReactNode;
}) {
  return (
    <li>
      <div role="group" aria-label={label} className="entry">
        {children}
        <button type="button" className="entry-remove" onClick={onRemove} aria-label={removeLabel}>
          {removeLabel}
        </button>
      </div>
    </li>
  );
}

/** The message keys of one list; the legend and hint are `field.<part>` and `hint.<part>`. */
const LIST_TEXT = {
  certifications: {
    add: 'officeApplicants.addCertification',
    entry: 'officeApplicants.certificationN',
    remove: 'officeApplicants.removeCertification',
  },
  incidents: {
    add: 'officeApplicants.addIncident',
    entry: 'officeApplicants.incidentN',
    remove: 'officeApplicants.removeIncident',
  },
  exportRecords: {
    add: 'officeApplicants.addExportRecord',
    entry: 'officeApplicants.exportRecordN',
    remove: 'officeApplicants.removeExportRecord',
  },
} as const;

/** The text parts of an entry (not its key or kind): each is edited by one text or date box. */
type TextPart<T> = Exclude<{ [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string, 'key' | 'kind'>;

/** What a text box of one entry needs: its path key, problems, value and how to change it. */
type Bind<T> = <P extends TextPart<T>>(
  part: P,
) => { path: string; problems: readonly Problem[]; value: T[P]; onChange: (value: T[P]) => void };

/**
 * One repeatable list: the kind of each entry comes first (a choice from `kinds`), then the text boxes `fields` lays
 * out with `bind`; a new entry starts as `blank` under a new key.
 */
function EntryList<K extends string, T extends { readonly key: string; readonly kind: K }>({
  items,
  onChange,
  problemsOf,
  newKey,
  part,
  kinds,
  blank,
  fields,
}: ListProps<T> & {
  readonly part: keyof typeof LIST_TEXT;
  readonly kinds: readonly { readonly value: K; readonly label: string }[];
  readonly blank: (key: string) => T;
  readonly fields: (bind: Bind<T>) => ReactNode;
}) {
  const { t } = useI18n();
  const text = LIST_TEXT[part];
  return (
    <ListShell
      legend={t(`officeApplicants.field.${part}`)}
      hint={t(`officeApplicants.hint.${part}`)}
      empty={t('officeApplicants.none')}
      addLabel={t(text.add)}
      onAdd={() => onChange([...items, blank(newKey())])}
    >
      {items.map((item, index) => {
        const at = `${part}.${index}`;
        const set = (next: T) => onChange(replaceAt(items, index, next));
        const bind: Bind<T> = (name) => ({
          path: `${at}.${name}`,
          problems: problemsOf(`${at}.${name}`),
          value: item[name],
          onChange: (value) => set({ ...item, [name]: value }),
        });
        const n = index + 1;
        return (
          <Entry
            key={item.key}
            label={t(text.entry, { n })}
            removeLabel={t(text.remove, { n })}
            onRemove={() => onChange(items.filter((_, i) => i !== index))}
          >
            <SelectField
              label={t('officeApplicants.part.kind')}
              path={`${at}.kind`}
              problems={problemsOf(`${at}.kind`)}
              value={item.kind}
              options={kinds}
              onChange={(kind) => set({ ...item, kind })}
            />
            {fields(bind)}
          </Entry>
        );
      })}
    </ListShell>
  );
}

export function CertificationList(props: ListProps<CertificationDraft>) {
  const { t, lang } = useI18n();
  return (
    <EntryList
      {...props}
      part="certifications"
      kinds={choices(certificationKindSchema.options, CERTIFICATION_LABELS, lang)}
      blank={(key) => ({ key, kind: 'iso9001', label: '', from: '', to: '' })}
      fields={(bind) => (
        <>
          <TextField label={t('officeApplicants.part.label')} {...bind('label')} />
          <TextField label={t('officeApplicants.part.from')} type="date" required {...bind('from')} />
          <TextField
            label={t('officeApplicants.part.to')}
            type="date"
            hint={t('officeApplicants.hint.stillValid')}
            {...bind('to')}
          />
        </>
      )}
    />
  );
}

export function IncidentList(props: ListProps<IncidentDraft>) {
  const { t, lang } = useI18n();
  return (
    <EntryList
      {...props}
      part="incidents"
      kinds={choices(incidentKindSchema.options, INCIDENT_LABELS, lang)}
      blank={(key) => ({ key, kind: 'serious-violation', date: '', note: '', creditRepairedOn: '' })}
      fields={(bind) => (
        <>
          <TextField label={t('officeApplicants.part.date')} type="date" required {...bind('date')} />
          <TextField
            label={t('officeApplicants.part.creditRepairedOn')}
            type="date"
            hint={t('officeApplicants.hint.notRepaired')}
            {...bind('creditRepairedOn')}
          />
          <TextField label={t('officeApplicants.part.note')} {...bind('note')} />
        </>
      )}
    />
  );
}

export function ExportRecordList(props: ListProps<ExportRecordDraft>) {
  const { t, lang } = useI18n();
  return (
    <EntryList
      {...props}
      part="exportRecords"
      kinds={choices(exportRecordKindSchema.options, EXPORT_RECORD_LABELS, lang)}
      blank={(key) => ({ key, kind: 'return', date: '', note: '' })}
      fields={(bind) => (
        <>
          <TextField label={t('officeApplicants.part.date')} type="date" required {...bind('date')} />
          <TextField label={t('officeApplicants.part.note')} {...bind('note')} />
        </>
      )}
    />
  );
}
