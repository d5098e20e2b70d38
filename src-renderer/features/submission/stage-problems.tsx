import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { StageSetup } from '../../../src-shared/stages/stage-setup';
import type { StageWork } from '../../../src-shared/stages/stage-work';
import { routeHash } from '../../components/route';
import type { StageWorkRow } from '../../data/stage-rows';
import type { SubmitStageProblem } from '../../data/stage-work-payload';
import { useI18n } from '../../i18n/i18n';

interface StageProblemsProps {
  readonly problems: readonly SubmitStageProblem[];
  readonly stage: Stage;
  readonly work: StageWork;
  /** The drafts as typed: an issue left out of `work` (no item yet) is still named by its text. */
  readonly row: StageWorkRow | undefined;
  readonly setup: StageSetup;
  readonly assignmentId: string;
  readonly applicantId: string;
}

/** Long texts are cut for the list; the link leads to the whole record. */
function short(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/**
 * What the stage's record still lacks before the sheet can be signed (checkStageWork and the drafts), each with a
 * link to where it is fixed: the item's percent and reason on the scorebook, the rest on the stage's session page.
 */
export function StageProblems({ problems, stage, work, row, setup, assignmentId, applicantId }: StageProblemsProps) {
  const { t, pick } = useI18n();
  if (problems.length === 0) return null;
  const session = routeHash({ page: 'session', assignmentId, applicantId });
  const sessionLabel = t(`stageScoring.sessionLink.${stage}`);
  const issueText = (id: string): string => short(row?.issues.find((issue) => issue.id === id)?.text ?? id);
  const describe = (problem: SubmitStageProblem): { href: string; link: string; text: string } => {
    switch (problem.code) {
      case 'change-reason-missing': {
        const change = work.changes.find((c) => c.itemId === problem.ref);
        return {
          href: routeHash({ page: 'scorebook', assignmentId, applicantId, itemId: problem.ref }),
          link: problem.ref,
          text: t('stageScoring.problem.change-reason-missing', {
            from: change?.previousPercent ?? '',
            to: change?.percent ?? '',
          }),
        };
      }
      case 'issue-open':
      case 'issue-finding-missing':
      case 'issue-items-missing':
        return {
          href: session,
          link: sessionLabel,
          text: t(`stageScoring.problem.${problem.code}`, { text: issueText(problem.ref) }),
        };
      case 'themes-strengths':
      case 'themes-ofis':
        return {
          href: session,
          link: sessionLabel,
          text: t(`stageScoring.problem.${problem.code}`, { count: problem.ref }),
        };
      case 'rubric-missing':
      case 'rubric-over': {
        const criterion = setup.defenseRubric.find((c) => c.id === problem.ref);
        const name = criterion === undefined ? problem.ref : pick(criterion.name);
        return { href: session, link: sessionLabel, text: t(`stageScoring.problem.${problem.code}`, { text: name }) };
      }
      case 'evidence-unlinked': {
        const evidence = work.evidence.find((e) => e.id === problem.ref);
        return {
          href: session,
          link: sessionLabel,
          text: t('stageScoring.problem.evidence-unlinked', { text: short(evidence?.name ?? problem.ref) }),
        };
      }
    }
  };
  const title = t('stageScoring.problems', { count: problems.length });
  return (
    <div className="panel stage-problems" data-testid="stage-problems">
      <h2>{title}</h2>
      <ul aria-label={title}>
        {problems.map((problem) => {
          const { href, link, text } = describe(problem);
          return (
            <li key={`${problem.code}-${problem.ref}`}>
              <a href={href}>{link}</a> {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
