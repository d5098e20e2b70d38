import type { BilingualText } from '../../../src-shared/criteria/criteria-schema';
import type { StageSetup } from '../../../src-shared/stages/stage-setup';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import {
  bytesOfMib,
  evidenceMiBRange,
  mibOf,
  moveEntry,
  plannedMinutes,
  rubricLimits,
  rubricTotal,
  segmentLimits,
} from './stage-setup-edit';

/** A number as typed; an empty or broken box reads as 0 so the problem list names it. */
function numberOf(text: string): number {
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
}

interface Entry {
  readonly id: string;
  readonly name: BilingualText;
}

/**
 * One entry of an ordered list (a defense segment, a rubric criterion): its names in both languages, its number
 * (minutes or points), and buttons to move it and remove it, each named after the entry for screen readers.
 */
function EntryRow<T extends Entry>({
  entry,
  index,
  count,
  label,
  numberLabel,
  numberRange,
  value,
  canRemove,
  onChange,
  onNumber,
  onMove,
  onRemove,
}: {
  entry: T;
  index: number;
  count: number;
  label: string;
  numberLabel: string;
  numberRange: { readonly min: number; readonly max: number };
  value: number;
  canRemove: boolean;
  onChange: (name: BilingualText) => void;
  onNumber: (value: number) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const name = entry.name['zh-CN'].trim() === '' ? label : entry.name['zh-CN'];
  return (
    <li>
      <div role="group" aria-label={label} className="setup-entry">
        <label>
          {t('stageOffice.setup.nameZh')}
          <input
            required
            maxLength={100}
            value={entry.name['zh-CN']}
            onChange={(e) => onChange({ ...entry.name, 'zh-CN': e.target.value })}
          />
        </label>
        <label>
          {t('stageOffice.setup.nameEn')}
          <input
            maxLength={100}
            value={entry.name.en}
            onChange={(e) => onChange({ ...entry.name, en: e.target.value })}
          />
        </label>
        <label>
          {numberLabel}
          <input
            type="number"
            min={numberRange.min}
            max={numberRange.max}
            step={1}
            value={String(value)}
            onChange={(e) => onNumber(numberOf(e.target.value))}
          />
        </label>
        <span className="setup-entry-actions">
          <button
            type="button"
            disabled={index === 0}
            aria-label={t('stageOffice.setup.moveUp', { name })}
            onClick={() => onMove(-1)}
          >
            {t('stageOffice.setup.up')}
          </button>
          <button
            type="button"
            disabled={index === count - 1}
            aria-label={t('stageOffice.setup.moveDown', { name })}
            onClick={() => onMove(1)}
          >
            {t('stageOffice.setup.down')}
          </button>
          <button
            type="button"
            disabled={!canRemove}
            aria-label={t('stageOffice.setup.removeEntry', { name })}
            onClick={onRemove}
          >
            {t('stageOffice.setup.remove')}
          </button>
        </span>
      </div>
    </li>
  );
}

/**
 * The cycle's stage setup (issue 5): the defense's timed segments (at least one, in order), the optional defense
 * rubric with its total, and the evidence file size limit in MiB. Experts receive it in their assignments, so it is
 * one of the frozen settings: once assignments are issued, the settings form asks for a reason to change it.
 */
export function StageSetupFields({ setup, onChange }: { setup: StageSetup; onChange: (next: StageSetup) => void }) {
  const { t } = useI18n();
  const { newId } = useServices();
  const segments = setup.defenseSegments;
  const rubric = setup.defenseRubric;
  const setSegments = (next: StageSetup['defenseSegments']): void => onChange({ ...setup, defenseSegments: next });
  const setRubric = (next: StageSetup['defenseRubric']): void => onChange({ ...setup, defenseRubric: next });
  const blank = { 'zh-CN': '', en: '' };

  return (
    <fieldset className="stage-setup">
      <legend>{t('office.field.stageSetup')}</legend>
      <fieldset>
        <legend>{t('stageOffice.setup.segments')}</legend>
        <ol className="setup-entries">
          {segments.map((segment, index) => (
            <EntryRow
              key={segment.id}
              entry={segment}
              index={index}
              count={segments.length}
              label={t('stageOffice.setup.segmentN', { n: index + 1 })}
              numberLabel={t('stageOffice.setup.minutes')}
              numberRange={segmentLimits.minutes}
              value={segment.minutes}
              canRemove={segments.length > segmentLimits.min}
              onChange={(name) => setSegments(segments.map((s) => (s.id === segment.id ? { ...s, name } : s)))}
              onNumber={(minutes) => setSegments(segments.map((s) => (s.id === segment.id ? { ...s, minutes } : s)))}
              onMove={(delta) => setSegments(moveEntry(segments, index, delta))}
              onRemove={() => setSegments(segments.filter((s) => s.id !== segment.id))}
            />
          ))}
        </ol>
        <p className="muted">{t('stageOffice.setup.plannedTotal', { minutes: plannedMinutes(segments) })}</p>
        <button
          type="button"
          disabled={segments.length >= segmentLimits.max}
          onClick={() => setSegments([...segments, { id: newId(), name: blank, minutes: 10 }])}
        >
          {t('stageOffice.setup.addSegment')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('stageOffice.setup.rubric')}</legend>
        {rubric.length === 0 ? (
          <p className="muted">{t('stageOffice.setup.rubricNone')}</p>
        ) : (
          <>
            <ol className="setup-entries">
              {rubric.map((criterion, index) => (
                <EntryRow
                  key={criterion.id}
                  entry={criterion}
                  index={index}
                  count={rubric.length}
                  label={t('stageOffice.setup.criterionN', { n: index + 1 })}
                  numberLabel={t('stageOffice.setup.points')}
                  numberRange={rubricLimits.points}
                  value={criterion.points}
                  canRemove
                  onChange={(name) => setRubric(rubric.map((c) => (c.id === criterion.id ? { ...c, name } : c)))}
                  onNumber={(points) => setRubric(rubric.map((c) => (c.id === criterion.id ? { ...c, points } : c)))}
                  onMove={(delta) => setRubric(moveEntry(rubric, index, delta))}
                  onRemove={() => setRubric(rubric.filter((c) => c.id !== criterion.id))}
                />
              ))}
            </ol>
            <p data-testid="rubric-total">{t('stageOffice.setup.rubricTotal', { total: rubricTotal(rubric) })}</p>
          </>
        )}
        <button
          type="button"
          disabled={rubric.length >= rubricLimits.max}
          onClick={() => setRubric([...rubric, { id: newId(), name: blank, points: 10 }])}
        >
          {t('stageOffice.setup.addCriterion')}
        </button>
      </fieldset>
      <label>
        {t('stageOffice.setup.evidenceLimit', { min: evidenceMiBRange.min, max: evidenceMiBRange.max })}
        <input
          type="number"
          min={evidenceMiBRange.min}
          max={evidenceMiBRange.max}
          step={1}
          value={String(mibOf(setup.evidenceMaxBytes))}
          onChange={(e) => onChange({ ...setup, evidenceMaxBytes: bytesOfMib(numberOf(e.target.value)) })}
        />
      </label>
    </fieldset>
  );
}
