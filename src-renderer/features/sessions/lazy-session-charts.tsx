import { lazy, Suspense, type ComponentProps } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { IssueStatusBars as StatusBars, RubricBars as Rubric } from './session-charts';

// Type-only imports above: recharts stays in its own chunk, fetched when a chart is first shown.
const RubricBars = lazy(() => import('./session-charts').then((m) => ({ default: m.RubricBars })));
const IssueStatusBars = lazy(() => import('./session-charts').then((m) => ({ default: m.IssueStatusBars })));

export function LazyRubricBars(props: ComponentProps<typeof Rubric>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
      <RubricBars {...props} />
    </Suspense>
  );
}

export function LazyIssueStatusBars(props: ComponentProps<typeof StatusBars>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
      <IssueStatusBars {...props} />
    </Suspense>
  );
}
