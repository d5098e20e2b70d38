import { useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import type { Material } from '../../../../src-shared/office/applicant-schema';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import { FieldProblems, type Problem } from './form-controls';
import { applyOutcome, storeMaterial, type KnownMaterials } from './material-store';

/**
 * The application's PDF files (Art. 11 (2)): each is identified by its SHA-256, with its name, size and the
 * commercial-secret mark, and its bytes are stored with main (issue 5) so assignments carry them. A material recorded
 * before the bytes were kept (or imported from a table) says so: choosing the same file again stores it.
 */

export function formatBytes(size: number, lang: 'zh-CN' | 'en'): string {
  const format = (value: number) => value.toLocaleString(lang, { maximumFractionDigits: 1 });
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${format(size / 1024)} KB`;
  return `${format(size / (1024 * 1024))} MB`;
}

/** Files are sent one by one; the bar counts bytes, so one large file does not look stuck next to small ones. */
type Progress = {
  readonly index: number;
  readonly count: number;
  readonly name: string;
  readonly doneBytes: number;
  readonly totalBytes: number;
};

type Notice = { readonly error: Pick<AppError, 'code' | 'params'> } | { readonly duplicate: string };

export function MaterialsField({
  materials,
  stored,
  onChange,
  problemsOf,
}: {
  materials: readonly Material[];
  /** SHA-256 of the materials main holds the bytes of. */
  stored: readonly string[];
  /** Given an update rather than a value: files are stored one by one while the office may go on editing. */
  onChange: (update: (current: KnownMaterials) => KnownMaterials) => void;
  problemsOf: (path: string) => readonly Problem[];
}) {
  const { t, lang } = useI18n();
  const { client } = useServices();
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [notices, setNotices] = useState<readonly Notice[]>([]);

  const addFiles = async (files: readonly File[]): Promise<void> => {
    let known: KnownMaterials = { materials, stored };
    const found: Notice[] = [];
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    let doneBytes = 0;
    for (const [index, file] of files.entries()) {
      setProgress({ index, count: files.length, name: file.name, doneBytes, totalBytes });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const outcome = await storeMaterial(client, { name: file.name, bytes }, known);
      if (outcome.kind === 'refused') found.push({ error: outcome.error });
      if (outcome.kind === 'duplicate') found.push({ duplicate: outcome.name });
      known = applyOutcome(known, outcome);
      doneBytes += file.size;
      // Each stored file is kept at once: a failure later in the batch does not lose the ones before it.
      onChange((current) => applyOutcome(current, outcome));
    }
    setProgress(undefined);
    setNotices(found);
  };

  const set = (sha256: string, patch: Partial<Material>) =>
    onChange((current) => ({
      ...current,
      materials: current.materials.map((m) => (m.sha256 === sha256 ? { ...m, ...patch } : m)),
    }));
  const remove = (sha256: string) =>
    onChange((current) => ({ ...current, materials: current.materials.filter((m) => m.sha256 !== sha256) }));

  return (
    <fieldset className="entry-list">
      <legend>{t('officeApplicants.field.materials')}</legend>
      <p className="muted">{t('officeApplicants.hint.materials')}</p>
      {materials.length === 0 ? (
        <p className="muted">{t('officeApplicants.none')}</p>
      ) : (
        <table className="applicant-table materials-table">
          <thead>
            <tr>
              <th scope="col">{t('officeApplicants.part.fileName')}</th>
              <th scope="col">{t('officeApplicants.part.fileSize')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">{t('stageOffice.material.file')}</th>
              <th scope="col">{t('officeApplicants.part.commercialSecret')}</th>
              <th scope="col">{t('officeApplicants.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {materials.map((material, index) => (
              <tr key={material.sha256}>
                <td>
                  {material.fileName}
                  <FieldProblems
                    id={`material-${index}-problems`}
                    problems={problemsOf(`materials.${index}.fileName`)}
                  />
                </td>
                <td>{formatBytes(material.size, lang)}</td>
                <td>
                  <code className="sha256">{material.sha256}</code>
                </td>
                <td>
                  {stored.includes(material.sha256) ? (
                    t('stageOffice.material.stored')
                  ) : (
                    <strong className="material-missing" data-testid="material-not-stored">
                      {t('stageOffice.material.notStored')}
                    </strong>
                  )}
                </td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={material.commercialSecret}
                      onChange={(e) => set(material.sha256, { commercialSecret: e.target.checked })}
                    />
                    <span className="visually-hidden">
                      {t('officeApplicants.secretOf', { name: material.fileName })}
                    </span>
                  </label>
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('officeApplicants.removeMaterial', { name: material.fileName })}
                    onClick={() => remove(material.sha256)}
                  >
                    {t('officeApplicants.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="button import-button">
        {t('officeApplicants.addMaterials')}
        <input
          type="file"
          multiple
          accept=".pdf,application/pdf"
          className="visually-hidden"
          disabled={progress !== undefined}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) void addFiles(files);
          }}
        />
      </label>
      {progress !== undefined && (
        <p role="status" aria-live="polite">
          {t('stageOffice.material.storing', {
            done: progress.index + 1,
            total: progress.count,
            name: progress.name,
            bytes: formatBytes(progress.doneBytes, lang),
            totalBytes: formatBytes(progress.totalBytes, lang),
          })}{' '}
          <progress
            max={Math.max(progress.totalBytes, 1)}
            value={progress.doneBytes}
            aria-label={t('stageOffice.material.progress')}
          />
        </p>
      )}
      {notices.map((notice, i) =>
        'error' in notice ? (
          <ErrorBanner key={i} error={notice.error} />
        ) : (
          <p key={i} className="banner banner-warn" role="status">
            {t('officeApplicants.materialDuplicate', { name: notice.duplicate })}
          </p>
        ),
      )}
    </fieldset>
  );
}
