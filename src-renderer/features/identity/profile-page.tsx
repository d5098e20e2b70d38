import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import { formatFingerprint } from '../../../src-shared/packages/ed25519';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { useIdentity } from '../../components/identity-context';
import { bytesFromBase64 } from '../../components/file-bytes';
import { QuickUnlockSettings } from './quick-unlock-settings';

type Problem = Pick<AppError, 'code' | 'params'> | undefined;

/** Profile and security: fingerprint, lock now, idle minutes, passphrase change, enrollment export. */
export function ProfilePage() {
  const { t } = useI18n();
  const { client } = useServices();
  const { status, update, lock } = useIdentity();
  const [idle, setIdle] = useState(String(status.idleMinutes));
  const [passwords, setPasswords] = useState({ old: '', next: '' });
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem>(undefined);
  const [download, setDownload] = useState<{ url: string; file: string } | undefined>(undefined);

  const saveIdle = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await client.call('settings:set-idle-minutes', { idleMinutes: Number(idle) });
    if (result.ok) {
      update(result.value);
      setProblem(undefined);
      setMessage(t('identity.saved'));
    } else setProblem(result.error);
  };
  const changePassphrase = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await client.call('identity:change-passphrase', {
      oldPassphrase: passwords.old,
      newPassphrase: passwords.next,
    });
    if (result.ok) {
      update(result.value);
      setPasswords({ old: '', next: '' });
      setProblem(undefined);
      setMessage(t('identity.passphraseChanged'));
    } else setProblem(result.error);
  };
  const exportEnrollment = async (): Promise<void> => {
    const result = await client.call('enrollment:export', {});
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    if (download !== undefined) URL.revokeObjectURL(download.url);
    const blob = new Blob([bytesFromBase64(result.value.base64)], { type: 'application/octet-stream' });
    setDownload({ url: URL.createObjectURL(blob), file: result.value.fileName });
    setProblem(undefined);
    setMessage(t('identity.enrollmentReady', { file: result.value.fileName }));
  };

  return (
    <section className="page profile-page">
      <h1>{t('identity.panel')}</h1>
      {problem !== undefined && <ErrorBanner error={problem} />}
      {message !== undefined && (
        <p role="status" className="banner banner-ok">
          {message}
        </p>
      )}
      <div className="panel">
        <p>
          {status.profile?.name} · {status.profile?.workUnit} {status.profile?.title}
        </p>
        {status.fingerprint !== null && (
          <p>
            {t('identity.fingerprint')}：
            <code className="fingerprint" data-testid="fingerprint">
              {formatFingerprint(status.fingerprint)}
            </code>
            <br />
            <span className="muted">{t('identity.fingerprintHint')}</span>
          </p>
        )}
        <button type="button" onClick={() => void exportEnrollment()}>
          {t('identity.exportEnrollment')}
        </button>{' '}
        {download !== undefined && (
          <a className="button" href={download.url} download={download.file}>
            {t('identity.download', { file: download.file })}
          </a>
        )}{' '}
        <button type="button" onClick={lock}>
          {t('identity.lockNow')}
        </button>
      </div>
      <form className="panel identity-form" onSubmit={(e) => void saveIdle(e)}>
        <label>
          {t('identity.idleMinutes')}
          <input type="number" min={1} max={240} required value={idle} onChange={(e) => setIdle(e.target.value)} />
        </label>
        <button type="submit">{t('identity.saveIdle')}</button>
      </form>
      <form
        className="panel identity-form"
        onSubmit={(e) => void changePassphrase(e)}
        aria-label={t('identity.changePassphrase')}
      >
        <h2>{t('identity.changePassphrase')}</h2>
        <label>
          {t('identity.oldPassphrase')}
          <input
            type="password"
            required
            value={passwords.old}
            onChange={(e) => setPasswords({ ...passwords, old: e.target.value })}
            autoComplete="current-password"
          />
        </label>
        <label>
          {t('identity.newPassphrase')}
          <input
            type="password"
            required
            minLength={10}
            value={passwords.next}
            onChange={(e) => setPasswords({ ...passwords, next: e.target.value })}
            autoComplete="new-password"
          />
        </label>
        <button type="submit">{t('identity.changePassphrase')}</button>
      </form>
      <QuickUnlockSettings />
    </section>
  );
}
