import type { StageSetup } from '../../../../src-shared/stages/stage-setup';
import { useI18n } from '../../../i18n/i18n';
import { ExpertWork } from './expert-work';
import { LazyNamedBars } from './lazy-named-bars';
import { hasWork, rubricMeans, type SheetWork } from './sheet-works';

/** The panel's rubric means per criterion as a chart and in words (the chart's label says every value). */
function RubricMeans({ works, setup }: { works: readonly SheetWork[]; setup: StageSetup }) {
  const { t, pick } = useI18n();
  const means = rubricMeans(works, setup.defenseRubric);
  if (means.every((m) => m.scoredBy === 0)) return null;
  const max = Math.max(...setup.defenseRubric.map((c) => c.points));
  return (
    <section className="work-part" aria-labelledby="rubric-means-title">
      <h3 id="rubric-means-title">{t('stageOffice.rubricMeans.title')}</h3>
      <LazyNamedBars
        label={t('stageOffice.rubricMeans.title')}
        domain={[0, max]}
        data={means.map((m) => ({ name: pick(m.criterion.name), value: m.mean ?? 0, marked: m.mean === null }))}
      />
      <ul className="muted">
        {means.map((m) => (
          <li key={m.criterion.id}>
            {t('stageOffice.rubricMeans.entry', {
              name: pick(m.criterion.name),
              mean: m.mean ?? '—',
              max: m.criterion.points,
              count: m.scoredBy,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The stage work of one applicant at one stage, per expert (issue 5 item 6): shown after the matrix, each expert's
 * record in a disclosure so the page stays short. Sheets before issue 5 carry none; the page says so and works as
 * before.
 */
export function StageWorkSection({
  works,
  setup,
  expertName,
  itemName,
}: {
  works: readonly SheetWork[];
  setup: StageSetup;
  expertName: (id: string) => string;
  itemName: (id: string) => string;
}) {
  const { t } = useI18n();
  return (
    <section className="panel stage-work" aria-labelledby="stage-work-title">
      <h2 id="stage-work-title">{t('stageOffice.work.title')}</h2>
      {!hasWork(works) ? (
        <p className="empty-state">{t('stageOffice.work.empty')}</p>
      ) : (
        <>
          <RubricMeans works={works} setup={setup} />
          {works.map((sheet) => (
            <ExpertWork
              key={sheet.expertId}
              sheet={sheet}
              expertName={expertName(sheet.expertId)}
              setup={setup}
              itemName={itemName}
            />
          ))}
        </>
      )}
    </section>
  );
}
