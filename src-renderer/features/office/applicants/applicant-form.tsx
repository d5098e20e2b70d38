import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../../../src-shared/contract/error-messages';
import { SIZE_LABELS } from '../../../../src-shared/office/applicant-columns';
import type { ApplicantIssue } from '../../../../src-shared/office/applicant-issues';
import { URUMQI_DISTRICTS, type DistrictId } from '../../../../src-shared/office/urumqi-districts';
import { organisationSizeSchema } from '../../../../src-shared/assignments/assignment-schema';
import { useServices } from '../../../components/services';
import { saveOfficeApplicant } from '../../../data/office-applicant-repository';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import {
  draftFromRow,
  emptyDraft,
  localIsoDate,
  summariesFromDraft,
  type ApplicantFormDraft,
  type CriteriaCategoryName,
} from './applicant-draft';
import { CertificationList, ExportRecordList, IncidentList } from './applicant-form-lists';
import { MaterialsField } from './applicant-materials';
import { CheckField, SelectField, TextField, type Problem } from './form-controls';
import { issueError, issuesByField, pathKey, validateDraft } from './form-issues';
import { SummariesField } from './summaries-field';

type Issue = Pick<ApplicantIssue, 'path' | 'code' | 'params'>;

/**
 * Adds or edits one applicant: every field of the record, the per-category summaries experts receive, checked by
 * the shared schema (validateApplicant, with today's date for the founding date) before anything is saved. Each
 * problem shows under its control and in a summary whose entries move focus to the control.
 */
export function ApplicantForm({
  cycleId,
  row,
  categories,
  onSaved,
  onCancel,
}: {
  cycleId: string;
  row: OfficeApplicantRow | undefined;
  /** The cycle's criteria categories, or undefined when they could not be loaded (summaries are then kept as is). */
  categories: readonly CriteriaCategoryName[] | undefined;
  onSaved: (row: OfficeApplicantRow) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const { db, now, newId } = useServices();
  const [draft, setDraft] = useState<ApplicantFormDraft>(() =>
    row === undefined ? emptyDraft() : draftFromRow(row, newId),
  );
  const [attempted, setAttempted] = useState(false);
  const [saveIssues, setSaveIssues] = useState<readonly Issue[]>([]);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const today = localIsoDate(now());

  useEffect(() => heading.current?.focus(), []);

  const validation = useMemo(() => validateDraft(draft, today), [draft, today]);
  // Problems show once the office tried to save, then follow every change.
  const issues: readonly Issue[] = attempted ? [...(validation.ok ? [] : validation.issues), ...saveIssues] : [];
  const byField = issuesByField(issues);
  const problemsOf = (path: string): readonly Problem[] => byField.get(path) ?? [];
  const set = <K extends keyof ApplicantFormDraft>(key: K, value: ApplicantFormDraft[K]) => {
    setSaveIssues([]);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAttempted(true);
    if (!validation.ok) {
      setSaveIssues([]);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    const saved = await saveOfficeApplicant(
      db,
      {
        id: row?.id ?? newId(),
        cycleId,
        draft: {
          record: validation.value,
          summaries: summariesFromDraft(
            draft,
            (categories ?? []).map((c) => c.id),
          ),
          judgements: row?.judgements ?? [],
          storedMaterials: draft.storedMaterials,
        },
      },
      now,
    );
    setSaving(false);
    if (saved.ok) {
      onSaved(saved.value);
      return;
    }
    // A clash of credit codes belongs to the code's box; anything else (storage) to the summary.
    const path = saved.error.code === 'E_APPLICANT_EXISTS' ? ['uscc'] : [];
    setSaveIssues([{ path, code: saved.error.code, params: saved.error.params ?? {} }]);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const focusControl = (path: readonly (string | number)[]) => {
    const control = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path))}"]`);
    control?.focus();
  };

  const districts = [
    { value: '' as const, label: t('officeApplicants.districtUnknown') },
    ...URUMQI_DISTRICTS.map((d) => ({ value: d.id, label: d[lang] })),
  ];
  const sizes = organisationSizeSchema.options.map((size) => ({ value: size, label: SIZE_LABELS[size][lang] }));

  return (
    <form
      className="panel applicant-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="applicant-form-title"
    >
      <h2 id="applicant-form-title" tabIndex={-1} ref={heading}>
        {row === undefined ? t('officeApplicants.new') : t('officeApplicants.editTitle', { name: row.record.name })}
      </h2>
      <p className="muted">{t('officeApplicants.requiredNote')}</p>
      {issues.length > 0 && (
        <div className="banner banner-error problem-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('officeApplicants.problemCount', { count: issues.length })}</p>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                <button type="button" className="link" onClick={() => focusControl(issue.path)}>
                  {errorText(issueError(issue), lang)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="form-grid">
        <legend>{t('officeApplicants.section.basic')}</legend>
        <TextField
          label={t('officeApplicants.field.name')}
          required
          path="name"
          problems={problemsOf('name')}
          value={draft.name}
          onChange={(v) => set('name', v)}
        />
        <TextField
          label={t('officeApplicants.field.uscc')}
          required
          path="uscc"
          hint={t('officeApplicants.hint.uscc')}
          problems={problemsOf('uscc')}
          value={draft.uscc}
          onChange={(v) => set('uscc', v)}
        />
        <SelectField<DistrictId | ''>
          label={t('officeApplicants.field.district')}
          path="district"
          problems={problemsOf('district')}
          value={draft.district}
          options={districts}
          onChange={(v) => set('district', v)}
        />
        <TextField
          label={t('officeApplicants.field.industry')}
          required
          path="industry"
          problems={problemsOf('industry')}
          value={draft.industry}
          onChange={(v) => set('industry', v)}
        />
        <TextField
          label={t('officeApplicants.field.foundedOn')}
          type="date"
          required
          path="foundedOn"
          problems={problemsOf('foundedOn')}
          value={draft.foundedOn}
          onChange={(v) => set('foundedOn', v)}
        />
        <SelectField
          label={t('officeApplicants.field.size')}
          path="size"
          problems={problemsOf('size')}
          value={draft.size}
          options={sizes}
          onChange={(v) => set('size', v)}
        />
        <TextField
          label={t('officeApplicants.field.employees')}
          required
          inputMode="numeric"
          path="employees"
          problems={problemsOf('employees')}
          value={draft.employees}
          onChange={(v) => set('employees', v)}
        />
        <CheckField
          label={t('officeApplicants.field.fourNew')}
          path="fourNew"
          hint={t('officeApplicants.hint.fourNew')}
          checked={draft.fourNew}
          onChange={(v) => set('fourNew', v)}
        />
        <CheckField
          label={t('officeApplicants.field.exporter')}
          path="exporter"
          checked={draft.exporter}
          onChange={(v) => set('exporter', v)}
        />
      </fieldset>
      <CertificationList
        items={draft.certifications}
        onChange={(v) => set('certifications', v)}
        problemsOf={problemsOf}
        newKey={newId}
      />
      <IncidentList
        items={draft.incidents}
        onChange={(v) => set('incidents', v)}
        problemsOf={problemsOf}
        newKey={newId}
      />
      <ExportRecordList
        items={draft.exportRecords}
        onChange={(v) => set('exportRecords', v)}
        problemsOf={problemsOf}
        newKey={newId}
      />
      <fieldset className="form-grid">
        <legend>{t('officeApplicants.section.contact')}</legend>
        <TextField
          label={t('officeApplicants.field.contactPerson')}
          required
          path="contact.person"
          problems={problemsOf('contact.person')}
          value={draft.contactPerson}
          onChange={(v) => set('contactPerson', v)}
        />
        <TextField
          label={t('officeApplicants.field.contactPhone')}
          type="tel"
          required
          path="contact.phone"
          problems={problemsOf('contact.phone')}
          value={draft.contactPhone}
          onChange={(v) => set('contactPhone', v)}
        />
        <TextField
          label={t('officeApplicants.field.contactEmail')}
          type="email"
          path="contact.email"
          problems={problemsOf('contact.email')}
          value={draft.contactEmail}
          onChange={(v) => set('contactEmail', v)}
        />
      </fieldset>
      <MaterialsField
        materials={draft.materials}
        stored={draft.storedMaterials}
        onChange={(update) => {
          setSaveIssues([]);
          setDraft((current) => {
            const next = update({ materials: current.materials, stored: current.storedMaterials });
            return { ...current, materials: next.materials, storedMaterials: next.stored };
          });
        }}
        problemsOf={problemsOf}
      />
      <SummariesField categories={categories} summaries={draft.summaries} onChange={(v) => set('summaries', v)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('officeApplicants.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('officeApplicants.cancel')}
        </button>
      </div>
    </form>
  );
}
