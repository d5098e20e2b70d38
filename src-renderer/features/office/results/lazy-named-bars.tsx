import { lazy, Suspense, type ComponentProps } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { NamedBars as Bars } from './results-charts';

// A type-only import above: the charts (recharts) stay in their own chunk, loaded when a chart is first shown.
const NamedBars = lazy(() => import('./results-charts').then((m) => ({ default: m.NamedBars })));

/** A results table's bar chart, saying it is loading until the charts' code is there. */
export function LazyNamedBars(props: ComponentProps<typeof Bars>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
      <NamedBars {...props} />
    </Suspense>
  );
}
