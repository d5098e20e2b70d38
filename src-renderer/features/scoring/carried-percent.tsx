import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { useI18n } from '../../i18n/i18n';

/** What the previous stage handed over for one item, and what the reason field needs. */
export interface CarriedItem {
  readonly from: Stage;
  /** The percent carried over; null when the previous stage left the item unscored. */
  readonly percent: number | null;
  readonly reason: string;
  readonly onReason: (reason: string) => void;
  readonly onBlur: () => void;
}

/** True when a carried percent was changed and no reason says why (blocks submitting; the outline marks it). */
export function needsReason(carried: number | null | undefined, percent: number | null, reason: string): boolean {
  return carried !== null && carried !== undefined && percent !== null && percent !== carried && reason.trim() === '';
}

/**
 * Under the band picker: "自材料评审沿用 70%", and once the percent differs from it, the reason in place (required).
 * The field stays while the percent differs, so a reason can be read back and edited.
 */
export function CarriedPercent({
  carried,
  percent,
  itemId,
}: {
  carried: CarriedItem;
  percent: number | null;
  itemId: string;
}) {
  const { t } = useI18n();
  const stage = t(`stage.${carried.from}`);
  const changed = carried.percent !== null && percent !== null && percent !== carried.percent;
  const missing = needsReason(carried.percent, percent, carried.reason);
  const fieldId = `reason-${itemId}`;
  return (
    <div className="carried-percent" data-testid="carried-percent">
      <p className="carried-note">
        {carried.percent === null
          ? t('stageScoring.carriedNone', { stage })
          : t('stageScoring.carried', { stage, percent: carried.percent })}
      </p>
      {changed && (
        <div className="change-reason">
          <label htmlFor={fieldId}>
            {t('stageScoring.reasonLabel', { from: carried.percent ?? 0, to: percent ?? 0 })}
          </label>
          <textarea
            id={fieldId}
            rows={2}
            required
            aria-required="true"
            aria-invalid={missing}
            aria-describedby={missing ? `${fieldId}-hint` : undefined}
            placeholder={t('stageScoring.reasonPlaceholder')}
            value={carried.reason}
            onChange={(e) => carried.onReason(e.target.value)}
            onBlur={carried.onBlur}
          />
          {missing && (
            <p className="reason-missing" id={`${fieldId}-hint`}>
              {t('stageScoring.reasonRequired')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
