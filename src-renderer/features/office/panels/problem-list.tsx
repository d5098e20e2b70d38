import { ErrorBanner } from '../../../components/error-banner';
import type { PanelProblem } from './panel-rules';

/** Problems as error banners, each under what it concerns (a panel, an expert, an applicant) when that is known. */
export function ProblemList({ problems, label }: { problems: readonly PanelProblem[]; label: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="panel-problems" aria-label={label}>
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.subject !== null && <strong>{problem.subject}</strong>}
          <ErrorBanner error={problem.error} />
        </li>
      ))}
    </ul>
  );
}
