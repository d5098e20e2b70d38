import { useEffect, useState } from 'react';
import { useServices } from '../../components/services';
import { markExported } from '../../data/outbox-repository';
import { useI18n } from '../../i18n/i18n';
import { bytesFromBase64 } from '../../components/file-bytes';

/** Saves a signed package as a file (to a USB stick, say); saving it marks it exported. `pending` marks links "export all" clicks. */
export function DownloadLink({
  base64,
  fileName,
  packageId,
  pending = false,
}: {
  base64: string;
  fileName: string;
  packageId: string;
  pending?: boolean;
}) {
  const { t } = useI18n();
  const { db, now } = useServices();
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type: 'application/octet-stream' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [base64]);
  if (url === undefined) return null;
  return (
    <a
      className="button"
      href={url}
      download={fileName}
      data-outbox-file={pending ? '' : undefined}
      onClick={() => void markExported(db, [packageId], now)}
    >
      {t('identity.download', { file: fileName })}
    </a>
  );
}
