import { ErrorBanner } from '../../components/error-banner';
import { useI18n } from '../../i18n/i18n';
import type { SessionSaveState } from './stage-work-saver';

function clock(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => n.toString().padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "Saved HH:MM:SS" only after the write committed; a failure says why and offers a retry (the edit stays on screen). */
export function SessionSaveIndicator({ save, retry }: { save: SessionSaveState; retry: () => void }) {
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
    <p
      className={`save-indicator save-${save.status}`}
      role="status"
      data-testid="session-save-indicator"
      data-status={save.status}
    >
      {text}
    </p>
  );
}
