import { ErrorBanner } from '../../components/error-banner';
import { useI18n } from '../../i18n/i18n';
import type { SaveState } from './use-sheet';

function clock(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => n.toString().padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "Saved HH:MM:SS" appears only after the write committed; a failure says why and offers a retry. */
export function SaveIndicator({ save, retry }: { save: SaveState; retry: () => void }) {
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
      data-testid="save-indicator"
      data-status={save.status}
    >
      {text}
    </p>
  );
}
