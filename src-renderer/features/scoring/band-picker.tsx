import { useState } from 'react';
import type { CriteriaItem, Criteria } from '../../../src-shared/criteria/criteria-schema';
import { bandOf, percentsInBand } from '../../../src-shared/scoring/bands';
import { formatPoints, pointsInHundredths } from '../../../src-shared/scoring/percent';
import { useI18n } from '../../i18n/i18n';

interface BandPickerProps {
  readonly criteria: Criteria;
  readonly item: CriteriaItem;
  readonly percent: number | null;
  readonly onChange: (percent: number | null) => void;
}

/**
 * The expert picks the band that fits best as a whole, then a percentage inside it. Both are
 * native radio groups, so arrow keys move between choices and screen readers announce them.
 * The parent remounts this per item (key), so the chosen band never leaks between items.
 */
export function BandPicker({ criteria, item, percent, onChange }: BandPickerProps) {
  const { t, pick } = useI18n();
  const stored = percent === null ? undefined : bandOf(criteria.bands, percent);
  // Choosing a band only opens its percentages; nothing is stored (or audited) until a percent is picked.
  const [chosenBandId, setChosenBandId] = useState<string | undefined>(stored?.id);
  const current = criteria.bands.find((band) => band.id === chosenBandId) ?? stored;
  const name = `item-${item.id}`;
  return (
    <div className="band-picker">
      <fieldset className="bands">
        <legend>{t('score.band')}</legend>
        {criteria.bands.map((band) => {
          const label = t('score.bandLabel', { min: band.min, max: band.max });
          return (
            <label key={band.id} className={current?.id === band.id ? 'band selected' : 'band'}>
              <input
                type="radio"
                name={`${name}-band`}
                value={band.id}
                checked={current?.id === band.id}
                onChange={() => setChosenBandId(band.id)}
                aria-describedby={`${name}-${band.id}-desc`}
              />
              <span className="band-range">{label}</span>
              <span className="band-desc" id={`${name}-${band.id}-desc`}>
                {pick(band.descriptors[item.kind])}
              </span>
            </label>
          );
        })}
      </fieldset>
      <fieldset className="percents">
        <legend>{t('score.percent')}</legend>
        {current === undefined ? (
          <p className="muted">{t('score.pickBandFirst')}</p>
        ) : (
          percentsInBand(current, criteria.percentStep).map((value) => (
            <label key={value} className={value === percent ? 'percent selected' : 'percent'}>
              <input
                type="radio"
                name={`${name}-percent`}
                value={value}
                checked={value === percent}
                onChange={() => onChange(value)}
              />
              {t('score.percentOption', {
                percent: value,
                points: formatPoints(pointsInHundredths(item.points, value)),
              })}
            </label>
          ))
        )}
      </fieldset>
      <div className="item-points" aria-live="polite">
        {t('score.itemPoints')}：
        <strong data-testid="item-points">
          {percent === null
            ? t('score.notScored')
            : `${formatPoints(pointsInHundredths(item.points, percent))} / ${item.points}`}
        </strong>
        {percent !== null && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setChosenBandId(undefined);
              onChange(null);
            }}
          >
            {t('score.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
