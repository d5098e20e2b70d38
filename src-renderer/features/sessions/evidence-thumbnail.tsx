import { useEffect, useState } from 'react';
import { bytesFromBase64 } from '../../components/file-bytes';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';

/** The icon a file type shows when it is not an image (or the image is not loaded yet). */
export function fileIcon(mediaType: string): string {
  if (mediaType.startsWith('image/')) return '🖼';
  if (mediaType === 'application/pdf') return '📄';
  if (mediaType.startsWith('audio/')) return '🎙';
  if (mediaType.startsWith('video/')) return '🎞';
  return '📎';
}

/**
 * An evidence file as a thumbnail: an image is read from main's store (`evidence:read`) into an object URL, revoked
 * when this unmounts; any other file, or an image not read (yet), shows an icon with its name.
 */
export function EvidenceThumbnail({ sha256, name, mediaType }: { sha256: string; name: string; mediaType: string }) {
  const { t } = useI18n();
  const { client } = useServices();
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const image = mediaType.startsWith('image/');
  useEffect(() => {
    if (!image) return;
    let live = true;
    let created: string | undefined;
    void client.call('evidence:read', { sha256 }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setMissing(true);
        return;
      }
      created = URL.createObjectURL(new Blob([bytesFromBase64(result.value.base64)], { type: mediaType }));
      setUrl(created);
    });
    return () => {
      live = false;
      if (created !== undefined) URL.revokeObjectURL(created);
    };
  }, [client, image, mediaType, sha256]);
  if (url !== undefined)
    return <img className="evidence-thumb" src={url} alt={t('stageSessions.evidence.imageAlt', { name })} />;
  return (
    <span
      className={`evidence-thumb evidence-icon${missing ? ' evidence-missing' : ''}`}
      role="img"
      aria-label={
        missing ? t('stageSessions.evidence.missing', { name }) : t('stageSessions.evidence.fileAlt', { name })
      }
      data-testid="evidence-placeholder"
    >
      <span aria-hidden="true">{fileIcon(mediaType)}</span>
      <span className="evidence-thumb-name" aria-hidden="true">
        {name}
      </span>
    </span>
  );
}
