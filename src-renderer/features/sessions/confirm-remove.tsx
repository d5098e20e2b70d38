import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * A remove button that asks first: the question and its two answers replace the button, focus moves to "remove"
 * (Escape or "keep" goes back), so a record is never lost to a stray click or key.
 */
export function ConfirmRemove({
  label,
  question,
  onRemove,
}: {
  label: string;
  question: string;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="session-remove" aria-label={label} onClick={() => setAsking(true)}>
        {t('stageSessions.remove')}
      </button>
    );
  return (
    <span
      role="group"
      aria-label={question}
      className="confirm-remove"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setAsking(false);
      }}
    >
      <span>{question}</span>{' '}
      <button ref={confirm} type="button" className="danger" onClick={onRemove}>
        {t('stageSessions.confirmRemove')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('stageSessions.keep')}
      </button>
    </span>
  );
}
