import { useState } from 'react';
import type { Material } from '../../../../src-shared/office/applicant-schema';
import { sha256Hex } from '../../../../src-shared/packages/bytes';
import { useI18n } from '../../../i18n/i18n';
import { FieldProblems, type Problem } from './form-controls';

/**
 * The application's PDF files (Art. 11 (2)): each is identified by its SHA-256, computed here with WebCrypto
 * (crypto.subtle), with its name, size and the commercial-secret mark. The bytes are not stored in this issue; the
 * hash lets the office prove later which file it registered.
 */

/** ISO 32000-1 §7.5.2: a PDF starts with "%PDF-"; readers accept it within the first 1024 bytes. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export function formatBytes(size: number, lang: 'zh-CN' | 'en'): string {
  const format = (value: number) => value.toLocaleString(lang, { maximumFractionDigits: 1 });
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${format(size / 1024)} KB`;
  return `${format(size / (1024 * 1024))} MB`;
}

type Progress = { readonly done: number; readonly total: number; readonly name: string };

export function MaterialsField({
  materials,
  onChange,
  problemsOf,
}: {
  materials: readonly Material[];
  onChange: (materials: readonly Material[]) => void;
  problemsOf: (path: string) => readonly Problem[];
}) {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [notices, setNotices] = useState<readonly string[]>([]);

  const addFiles = async (files: readonly File[]): Promise<void> => {
    const added: Material[] = [];
    const skipped: string[] = [];
    const known = new Set(materials.map((m) => m.sha256));
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length, name: file.name });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!looksLikePdf(bytes)) {
        skipped.push(t('officeApplicants.materialNotPdf', { name: file.name }));
        continue;
      }
      const sha256 = await sha256Hex(bytes);
      if (known.has(sha256)) {
        skipped.push(t('officeApplicants.materialDuplicate', { name: file.name }));
        continue;
      }
      known.add(sha256);
      added.push({ fileName: file.name, sha256, size: file.size, commercialSecret: false });
    }
    setProgress(undefined);
    setNotices(skipped);
    onChange([...materials, ...added]);
  };

  const set = (index: number, patch: Partial<Material>) =>
    onChange(materials.map((m, i) => (i === index ? { ...m, ...patch } : m)));

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
                  <label>
                    <input
                      type="checkbox"
                      checked={material.commercialSecret}
                      onChange={(e) => set(index, { commercialSecret: e.target.checked })}
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
                    onClick={() => onChange(materials.filter((_, i) => i !== index))}
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
          {t('officeApplicants.hashing', { done: progress.done + 1, total: progress.total, name: progress.name })}{' '}
          <progress max={progress.total} value={progress.done} />
        </p>
      )}
      {notices.length > 0 && (
        <ul className="banner banner-warn notices" role="status">
          {notices.map((notice, i) => (
            <li key={i}>{notice}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
