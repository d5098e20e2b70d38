import type { AppError } from '../../src-shared/contract/result';
import { errorText } from '../../src-shared/contract/error-messages';
import { useI18n } from '../i18n/i18n';

/** A failure in plain words (in the current language) with an optional action, announced to screen readers. */
export function ErrorBanner({
  error,
  action,
}: {
  error: Pick<AppError, 'code' | 'params'>;
  action?: { label: string; run: () => void };
}) {
  const { lang } = useI18n();
  return (
    <div className="banner banner-error" role="alert">
      <span>{errorText(error, lang)}</span>
      {action !== undefined && (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      )}
      <code className="error-code">{error.code}</code>
    </div>
  );
}
