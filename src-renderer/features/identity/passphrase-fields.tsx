import { useI18n } from '../../i18n/i18n';

/** The passphrase twice, with the hint; the caller checks that both agree. */
export function PassphraseFields({
  passphrase,
  repeat,
  onPassphrase,
  onRepeat,
  mismatch,
}: {
  passphrase: string;
  repeat: string;
  onPassphrase: (value: string) => void;
  onRepeat: (value: string) => void;
  mismatch: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('identity.passphrase')}
        <input
          type="password"
          required
          minLength={10}
          value={passphrase}
          onChange={(e) => onPassphrase(e.target.value)}
          autoComplete="new-password"
          aria-describedby="passphrase-hint"
        />
      </label>
      <label>
        {t('identity.passphraseRepeat')}
        <input
          type="password"
          required
          minLength={10}
          value={repeat}
          onChange={(e) => onRepeat(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <p id="passphrase-hint" className="muted">
        {t('identity.passphraseHint')}
      </p>
      {mismatch && (
        <p role="alert" className="banner banner-error">
          {t('identity.passphraseMismatch')}
        </p>
      )}
    </>
  );
}

/** The current passphrase, once (unlock, turning on quick unlock). */
export function CurrentPassphraseField({
  value,
  onChange,
  autoFocus = false,
}: {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t('identity.passphrase')}
      <input
        type="password"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="current-password"
        autoFocus={autoFocus}
      />
    </label>
  );
}
