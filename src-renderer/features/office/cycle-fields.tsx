import type { ReactNode } from 'react';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { ok } from '../../../src-shared/contract/result';
import { stageCombinationSchema, type CycleSettings } from '../../../src-shared/office/cycle-settings';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n/i18n';
import { StageSetupFields } from './stage-setup-fields';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
    </label>
  );
}

/** A labelled number box: `range` is [min, max, step]; the text goes to `onChange` as typed. */
function NumberField({
  label,
  range,
  value,
  onChange,
}: {
  label: string;
  range: readonly [number, number, number];
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Field label={label}>
      <input
        type="number"
        min={range[0]}
        max={range[1]}
        step={range[2]}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** An integer input that keeps the last valid number (an empty box reads as 0, so the sum check shows it). */
function intOf(text: string): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Every setting of a cycle as form controls. Stages run in the order of Art. 11 (material review, defense, site
 * visit); a cycle may leave one out, and each stage present has a weight.
 */
export function CycleFields({
  settings,
  onChange,
  stages,
}: {
  settings: CycleSettings;
  onChange: (next: CycleSettings) => void;
  stages: readonly Stage[];
}) {
  const { t, lang } = useI18n();
  const { client } = useServices();
  const criteria = useAsync(async () => {
    const listed = await client.call('criteria:list', {});
    return listed.ok ? listed : ok([]);
  }, [client]);
  const set = <K extends keyof CycleSettings>(key: K, value: CycleSettings[K]): void =>
    onChange({ ...settings, [key]: value });
  const toggleStage = (stage: Stage, on: boolean): void =>
    set(
      'stages',
      stages.filter((s) => (s === stage ? on : settings.stages.includes(s))),
    );
  const rule = (value: number | null): string => (value === null ? '' : String(value));
  const ruleOf = (text: string): number | null => (text.trim() === '' ? null : intOf(text));

  return (
    <>
      <Field label={t('office.field.nameZh')}>
        <input
          required
          value={settings.name['zh-CN']}
          onChange={(e) => set('name', { ...settings.name, 'zh-CN': e.target.value })}
        />
      </Field>
      <Field label={t('office.field.nameEn')}>
        <input value={settings.name.en} onChange={(e) => set('name', { ...settings.name, en: e.target.value })} />
      </Field>
      <Field label={t('office.field.periodStart')}>
        <input type="date" required value={settings.periodStart} onChange={(e) => set('periodStart', e.target.value)} />
      </Field>
      <Field label={t('office.field.periodEnd')}>
        <input type="date" required value={settings.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} />
      </Field>
      <Field label={t('office.field.applicationDeadline')}>
        <input
          type="date"
          required
          value={settings.applicationDeadline}
          onChange={(e) => set('applicationDeadline', e.target.value)}
        />
      </Field>
      <Field label={t('office.field.measuresVersion')}>
        <input required value={settings.measuresVersion} onChange={(e) => set('measuresVersion', e.target.value)} />
      </Field>
      <Field label={t('office.field.criteriaId')}>
        <select value={settings.criteriaId} onChange={(e) => set('criteriaId', e.target.value)}>
          {(criteria.status === 'ready' ? criteria.value : []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name[lang]}（{c.standard}）
            </option>
          ))}
          {criteria.status !== 'ready' && <option value={settings.criteriaId}>{settings.criteriaId}</option>}
        </select>
      </Field>
      <fieldset>
        <legend>{t('office.field.stages')}</legend>
        {stages.map((stage) => (
          <div key={stage} className="stage-setting">
            <label>
              <input
                type="checkbox"
                checked={settings.stages.includes(stage)}
                onChange={(e) => toggleStage(stage, e.target.checked)}
              />
              {t(`stage.${stage}`)}
            </label>
            <label>
              {t('office.field.weightOf', { stage: t(`stage.${stage}`) })}
              <input
                type="number"
                min={0}
                max={100}
                disabled={!settings.stages.includes(stage)}
                value={settings.stageWeights[stage] ?? 0}
                onChange={(e) => set('stageWeights', { ...settings.stageWeights, [stage]: intOf(e.target.value) })}
              />
            </label>
          </div>
        ))}
      </fieldset>
      <Field label={t('office.field.combination')}>
        <select
          value={settings.combination}
          onChange={(e) => set('combination', stageCombinationSchema.catch('consensus').parse(e.target.value))}
        >
          {stageCombinationSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`office.combination.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <NumberField
        label={t('office.field.awardLimit')}
        range={[0, 5, 1]}
        value={String(settings.awardLimit)}
        onChange={(text) => set('awardLimit', intOf(text))}
      />
      <NumberField
        label={t('office.field.nominationLimit')}
        range={[0, 10, 1]}
        value={String(settings.nominationLimit)}
        onChange={(text) => set('nominationLimit', intOf(text))}
      />
      <NumberField
        label={t('office.field.strengthWithEvidenceFrom')}
        range={[0, 100, 5]}
        value={rule(settings.commentRules.strengthWithEvidenceFrom)}
        onChange={(text) => set('commentRules', { ...settings.commentRules, strengthWithEvidenceFrom: ruleOf(text) })}
      />
      <NumberField
        label={t('office.field.ofiUpTo')}
        range={[0, 100, 5]}
        value={rule(settings.commentRules.ofiUpTo)}
        onChange={(text) => set('commentRules', { ...settings.commentRules, ofiUpTo: ruleOf(text) })}
      />
      <NumberField
        label={t('office.field.spreadThreshold')}
        range={[5, 100, 5]}
        value={String(settings.spreadThreshold)}
        onChange={(text) => set('spreadThreshold', intOf(text))}
      />
      <StageSetupFields setup={settings.stageSetup} onChange={(next) => set('stageSetup', next)} />
      <Field label={t('office.field.pledgeText')}>
        <textarea rows={7} required value={settings.pledgeText} onChange={(e) => set('pledgeText', e.target.value)} />
      </Field>
    </>
  );
}
