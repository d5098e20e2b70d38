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

export function CertificationList({ items, onChange, problemsOf, newKey }: ListProps<CertificationDraft>) {
  const { t, lang } = useI18n();
  const kinds = choices(certificationKindSchema.options, CERTIFICATION_LABELS, lang);
  return (
    <ListShell
      legend={t('officeApplicants.field.certifications')}
      hint={t('officeApplicants.hint.certifications')}
      empty={t('officeApplicants.none')}
      addLabel={t('officeApplicants.addCertification')}
      onAdd={() => onChange([...items, { key: newKey(), kind: 'iso9001', label: '', from: '', to: '' }])}
    >
      {items.map((item, index) => {
        const at = `certifications.${index}`;
        const set = (patch: Partial<CertificationDraft>) => onChange(replaceAt(items, index, { ...item, ...patch }));
        const n = index + 1;
        return (
          <Entry
            key={item.key}
            label={t('officeApplicants.certificationN', { n })}
            removeLabel={t('officeApplicants.removeCertification', { n })}
            onRemove={() => onChange(items.filter((_, i) => i !== index))}
          >
            <SelectField
              label={t('officeApplicants.part.kind')}
              path={`${at}.kind`}
              problems={problemsOf(`${at}.kind`)}
              value={item.kind}
              options={kinds}
              onChange={(kind) => set({ kind })}
            />
            <TextField
              label={t('officeApplicants.part.label')}
              path={`${at}.label`}
              problems={problemsOf(`${at}.label`)}
              value={item.label}
              onChange={(label) => set({ label })}
            />
            <TextField
              label={t('officeApplicants.part.from')}
              type="date"
              required
              path={`${at}.from`}
              problems={problemsOf(`${at}.from`)}
              value={item.from}
              onChange={(from) => set({ from })}
            />
            <TextField
              label={t('officeApplicants.part.to')}
              type="date"
              path={`${at}.to`}
              hint={t('officeApplicants.hint.stillValid')}
              problems={problemsOf(`${at}.to`)}
              value={item.to}
              onChange={(to) => set({ to })}
            />
          </Entry>
        );
      })}
    </ListShell>
  );
}

export function IncidentList({ items, onChange, problemsOf, newKey }: ListProps<IncidentDraft>) {
  const { t, lang } = useI18n();
  const kinds = choices(incidentKindSchema.options, INCIDENT_LABELS, lang);
  return (
    <ListShell
      legend={t('officeApplicants.field.incidents')}
      hint={t('officeApplicants.hint.incidents')}
      empty={t('officeApplicants.none')}
      addLabel={t('officeApplicants.addIncident')}
      onAdd={() =>
        onChange([...items, { key: newKey(), kind: 'serious-violation', date: '', note: '', creditRepairedOn: '' }])
      }
    >
      {items.map((item, index) => {
        const at = `incidents.${index}`;
        const set = (patch: Partial<IncidentDraft>) => onChange(replaceAt(items, index, { ...item, ...patch }));
        const n = index + 1;
        return (
          <Entry
            key={item.key}
            label={t('officeApplicants.incidentN', { n })}
            removeLabel={t('officeApplicants.removeIncident', { n })}
            onRemove={() => onChange(items.filter((_, i) => i !== index))}
          >
            <SelectField
              label={t('officeApplicants.part.kind')}
              path={`${at}.kind`}
              problems={problemsOf(`${at}.kind`)}
              value={item.kind}
              options={kinds}
              onChange={(kind) => set({ kind })}
            />
            <TextField
              label={t('officeApplicants.part.date')}
              type="date"
              required
              path={`${at}.date`}
              problems={problemsOf(`${at}.date`)}
              value={item.date}
              onChange={(date) => set({ date })}
            />
            <TextField
              label={t('officeApplicants.part.creditRepairedOn')}
              type="date"
              path={`${at}.creditRepairedOn`}
              hint={t('officeApplicants.hint.notRepaired')}
              problems={problemsOf(`${at}.creditRepairedOn`)}
              value={item.creditRepairedOn}
              onChange={(creditRepairedOn) => set({ creditRepairedOn })}
            />
            <TextField
              label={t('officeApplicants.part.note')}
              path={`${at}.note`}
              problems={problemsOf(`${at}.note`)}
              value={item.note}
              onChange={(note) => set({ note })}
            />
          </Entry>
        );
      })}
    </ListShell>
  );
}

export function ExportRecordList({ items, onChange, problemsOf, newKey }: ListProps<ExportRecordDraft>) {
  const { t, lang } = useI18n();
  const kinds = choices(exportRecordKindSchema.options, EXPORT_RECORD_LABELS, lang);
  return (
    <ListShell
      legend={t('officeApplicants.field.exportRecords')}
      hint={t('officeApplicants.hint.exportRecords')}
      empty={t('officeApplicants.none')}
      addLabel={t('officeApplicants.addExportRecord')}
      onAdd={() => onChange([...items, { key: newKey(), kind: 'return', date: '', note: '' }])}
    >
      {items.map((item, index) => {
        const at = `exportRecords.${index}`;
        const set = (patch: Partial<ExportRecordDraft>) => onChange(replaceAt(items, index, { ...item, ...patch }));
        const n = index + 1;
        return (
          <Entry
            key={item.key}
            label={t('officeApplicants.exportRecordN', { n })}
            removeLabel={t('officeApplicants.removeExportRecord', { n })}
            onRemove={() => onChange(items.filter((_, i) => i !== index))}
          >
            <SelectField
              label={t('officeApplicants.part.kind')}
              path={`${at}.kind`}
              problems={problemsOf(`${at}.kind`)}
              value={item.kind}
              options={kinds}
              onChange={(kind) => set({ kind })}
            />
            <TextField
              label={t('officeApplicants.part.date')}
              type="date"
              required
              path={`${at}.date`}
              problems={problemsOf(`${at}.date`)}
              value={item.date}
              onChange={(date) => set({ date })}
            />
            <TextField
              label={t('officeApplicants.part.note')}
              path={`${at}.note`}
              problems={problemsOf(`${at}.note`)}
              value={item.note}
              onChange={(note) => set({ note })}
            />
          </Entry>
        );
      })}
    </ListShell>
  );
}
