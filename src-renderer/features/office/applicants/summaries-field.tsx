import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { CriteriaCategoryName } from './applicant-draft';

/**
 * The application's summary per criteria category: what experts read beside each item in their scorebook (sent in
 * the assignment profile). A blank box sends no summary for that category.
 */
export function SummariesField({
  categories,
  summaries,
  onChange,
}: {
  categories: readonly CriteriaCategoryName[] | undefined;
  summaries: Readonly<Record<string, string>>;
  onChange: (summaries: Readonly<Record<string, string>>) => void;
}) {
  const { t, pick } = useI18n();
  const id = useId();
  return (
    <fieldset className="entry-list summaries">
      <legend>{t('officeApplicants.section.summaries')}</legend>
      <p className="muted">{t('officeApplicants.hint.summaries')}</p>
      {categories === undefined ? (
        <p className="banner banner-warn">{t('officeApplicants.criteriaMissing')}</p>
      ) : (
        categories.map((category) => (
          <div key={category.id} className="form-field">
            <label htmlFor={`${id}-${category.id}`}>{pick(category.name)}</label>
            <textarea
              id={`${id}-${category.id}`}
              rows={3}
              maxLength={20_000}
              value={summaries[category.id] ?? ''}
              onChange={(e) => onChange({ ...summaries, [category.id]: e.target.value })}
            />
          </div>
        ))
      )}
    </fieldset>
  );
}
