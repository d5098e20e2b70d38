import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { useI18n } from '../../i18n/i18n';

/** The cycle's stages in order (e.g. 材料评审 → 陈述答辩 → 现场评审), the assignment's own marked as current. */
export function StageStepper({ stages, current }: { stages: readonly Stage[]; current: Stage }) {
  const { t } = useI18n();
  return (
    <ol className="stage-stepper" aria-label={t('stageScoring.stepper')}>
      {stages.map((stage, index) => {
        const isCurrent = stage === current;
        return (
          <li
            key={stage}
            aria-current={isCurrent ? 'step' : undefined}
            className={isCurrent ? 'current' : undefined}
            data-testid={`stage-step-${stage}`}
          >
            <span className="stage-step-number" aria-hidden="true">
              {index + 1}
            </span>
            {t(`stage.${stage}`)}
            {isCurrent && <span className="visually-hidden"> · {t('stageScoring.stepCurrent')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
