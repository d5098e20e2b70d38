import type { AppError } from '../../src-shared/contract/result';
import { ErrorBanner } from './error-banner';
import { useI18n } from '../i18n/i18n';

/** Where the last write of what the expert typed stands (a sheet's items, a stage's work). */
export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly at: string }
  | { readonly status: 'error'; readonly error: AppError };

function clock(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => n.toString().padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "Saved HH:MM:SS" appears only after the write committed; a failure says why and offers a retry. */
export function SaveIndicator({
  save,
  retry,
  testId = 'save-indicator',
}: {
  save: SaveState;
  retry: () => void;
  /** Two indicators can share a page (the sheet's and a stage session's): each has its own test id. */
  testId?: string;
}) {
  const { t } = useI18n();
  if (save.status === 'error')
    return <ErrorBanner error={save.error} action={{ label: t('save.retry'), run: retry }} />;
  const text =
    save.status === 'saving'
      ? t('save.saving')
      : save.status === 'saved'
        ? t('save.saved', { time: clock(save.at) })
        : t('save.idle');
  return (
    <p className={`save-indicator save-${save.status}`} role="status" data-testid={testId} data-status={save.status}>
      {text}
    </p>
  );
}
