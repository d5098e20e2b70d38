import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { routeHash } from '../../components/route';
import { useI18n } from '../../i18n/i18n';
import { StageStepper } from './stage-stepper';

interface StageBarProps {
  readonly stages: readonly Stage[];
  readonly stage: Stage;
  readonly assignmentId: string;
  readonly applicantId: string;
}

/**
 * Where the sheet stands among the cycle's stages, with the way to the stage's own record (issues to verify at
 * material review, the defense record, the site visit record) and to the comparison with the previous stage.
 */
export function StageBar({ stages, stage, assignmentId, applicantId }: StageBarProps) {
  const { t } = useI18n();
  return (
    <div className="stage-bar">
      <StageStepper stages={stages} current={stage} />
      <nav className="stage-links" aria-label={t('stageScoring.title')}>
        <a className="button" href={routeHash({ page: 'session', assignmentId, applicantId })}>
          {t(`stageScoring.sessionLink.${stage}`)}
        </a>
        <a className="button" href={routeHash({ page: 'stages', assignmentId, applicantId })}>
          {t('stageScoring.viewLink')}
        </a>
      </nav>
    </div>
  );
}
