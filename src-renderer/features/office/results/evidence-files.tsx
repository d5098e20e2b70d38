import { useEffect, useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import type { Evidence, IssueToVerify } from '../../../../src-shared/stages/stage-work';
import { ErrorBanner } from '../../../components/error-banner';
import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import { isThumbnailType } from './sheet-works';

type Failure = Pick<AppError, 'code' | 'params'>;

/** A file size as people read it (KB, MB with one decimal). */
export function sizeText(size: number, lang: 'zh-CN' | 'en'): string {
  const format = (value: number) => value.toLocaleString(lang, { maximumFractionDigits: 1 });
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${format(size / 1024)} KB`;
  return `${format(size / (1024 * 1024))} MB`;
}

/** An issue as a short label: its text's first words. */
export function issueLabel(issue: IssueToVerify): string {
  const text = issue.text.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * A photo read from main's store of accepted attachments (office:attachment-read, checked against its SHA-256 there),
 * shown from an object URL that is revoked when the thumbnail leaves the page.
 */
function Thumbnail({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const { client } = useServices();
  const [state, setState] = useState<{ url: string } | { error: Failure } | undefined>(undefined);
  const { sha256, mediaType } = evidence;
  useEffect(() => {
    let live = true;
    let url: string | undefined;
    void client.call('office:attachment-read', { sha256 }).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setState({ error: answer.error });
      url = URL.createObjectURL(new Blob([bytesFromBase64(answer.value.base64)], { type: mediaType }));
      setState({ url });
    });
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [client, sha256, mediaType]);
  if (state === undefined) return <p aria-busy="true">{t('stageOffice.evidence.loading')}</p>;
  if ('error' in state) return <ErrorBanner error={state.error} />;
  const alt = evidence.caption.trim() === '' ? evidence.name : evidence.caption;
  return <img className="evidence-thumb" src={state.url} alt={alt} />;
}

/** A file that is not a photo: a named button that reads it from main and saves it. */
function FileLink({ evidence }: { evidence: Evidence }) {
  const { t, lang } = useI18n();
  const { client } = useServices();
  const [error, setError] = useState<Failure | undefined>(undefined);
  const open = async (): Promise<void> => {
    const answer = await client.call('office:attachment-read', { sha256: evidence.sha256 });
    if (!answer.ok) return setError(answer.error);
    setError(undefined);
    saveFile(evidence.name, bytesFromBase64(answer.value.base64), evidence.mediaType);
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void open()}>
        {t('stageOffice.evidence.open', { name: evidence.name, size: sizeText(evidence.size, lang) })}
      </button>
      {error !== undefined && <ErrorBanner error={error} />}
    </>
  );
}

/**
 * Evidence files (issue 5 item 6): photos as thumbnails, other files as named links, each with its caption and the
 * items and issues it is linked to.
 */
export function EvidenceFiles({
  evidence,
  issues,
}: {
  evidence: readonly Evidence[];
  /** The expert's issues, to name the ones a file is linked to. */
  issues: readonly IssueToVerify[];
}) {
  const { t } = useI18n();
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence-files">
      {evidence.map((entry) => {
        const linkedIssues = issues.filter((issue) => entry.issueIds.includes(issue.id)).map(issueLabel);
        return (
          <li key={entry.id}>
            <figure>
              {isThumbnailType(entry.mediaType) ? <Thumbnail evidence={entry} /> : <FileLink evidence={entry} />}
              <figcaption>
                {isThumbnailType(entry.mediaType) && <span className="evidence-name">{entry.name}</span>}
                {entry.caption.trim() !== '' && <span>{entry.caption}</span>}
                {entry.itemIds.length > 0 && (
                  <span className="muted">{t('stageOffice.linkedItems', { items: entry.itemIds.join('、') })}</span>
                )}
                {linkedIssues.length > 0 && (
                  <span className="muted">{t('stageOffice.linkedIssues', { issues: linkedIssues.join('；') })}</span>
                )}
                {/* The hash the expert signed and the inbox checked: comparable with the file the expert kept. */}
                <code className="muted evidence-sha" title={entry.sha256} data-testid="evidence-sha256">
                  SHA-256 {entry.sha256.slice(0, 16)}…
                </code>
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
