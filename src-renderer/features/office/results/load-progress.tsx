import type { ReactNode } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import type { AsyncState } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { loadSteps } from './use-cycle-results';

/** Loading a cycle's results takes several calls (the inbox may list thousands of packages): say which is running. */
export function LoadProgress({ step }: { step: number }) {
  const { t } = useI18n();
  const name = loadSteps[step] ?? loadSteps[0];
  const label = t(`officeResults.loading.${name}`);
  return (
    <div className="panel results-progress" aria-busy="true">
      <label>
        {label}
        <progress max={loadSteps.length} value={step} />
      </label>
      <p role="status" className="visually-hidden">
        {label}
      </p>
    </div>
  );
}

/** The banners of what main could not give, with a way to try again. */
export function LoadWarnings({ warnings, reload }: { warnings: readonly AppError[]; reload: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {warnings.map((warning, index) => (
        <ErrorBanner key={index} error={warning} action={{ label: t('officeResults.reload'), run: reload }} />
      ))}
    </>
  );
}

/** The loading, failed or ready state of a results page, so both pages handle the first two the same way. */
export function LoadGate<T>({
  loaded,
  step,
  reload,
  children,
}: {
  loaded: AsyncState<T>;
  step: number;
  reload: () => void;
  children: (value: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (loaded.status === 'loading') return <LoadProgress step={step} />;
  if (loaded.status === 'error') {
    return <ErrorBanner error={loaded.error} action={{ label: t('officeResults.reload'), run: reload }} />;
  }
  return <>{children(loaded.value)}</>;
}
