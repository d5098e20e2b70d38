import type { AssignmentMaterial } from '../../../src-shared/stages/stage-setup';
import { ErrorBanner } from '../../components/error-banner';
import { useI18n } from '../../i18n/i18n';
import { formatFileSize, shaPrefix } from './material-list';
import { useMaterials, useMaterialsState } from './materials-context';
import './materials.css';

/**
 * The applicant's materials as the signed assignment lists them: name, size, the start of the SHA-256 (to compare
 * with the office's list) and the commercial-secret mark; each opens in the viewer dock. Renders nothing outside a
 * MaterialsProvider.
 */
export function MaterialsPanel() {
  const { t } = useI18n();
  const state = useMaterialsState();
  const { openMaterial } = useMaterials();
  if (state === undefined) return null;
  const { materials } = state;
  return (
    <section className="panel materials-panel" aria-labelledby="materials-panel-title">
      <h2 id="materials-panel-title">{t('stageViewer.title')}</h2>
      {materials.status === 'loading' && <p role="status">{t('stageViewer.loading')}</p>}
      {materials.status === 'error' && <ErrorBanner error={materials.error} />}
      {materials.status === 'ready' && materials.value.length === 0 && (
        <p className="empty-state">{t('stageViewer.none')}</p>
      )}
      {materials.status === 'ready' && materials.value.length > 0 && (
        <MaterialsTable materials={materials.value} onOpen={(sha256) => openMaterial(sha256, 1)} />
      )}
    </section>
  );
}

/** The list itself: one row per material, with its secret mark and the button that opens it. */
export function MaterialsTable({
  materials,
  onOpen,
}: {
  materials: readonly AssignmentMaterial[];
  onOpen: (sha256: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {materials.some((m) => m.commercialSecret) && <p className="muted">{t('stageViewer.secretNote')}</p>}
      <table className="applicant-table materials-table">
        <thead>
          <tr>
            <th scope="col">{t('stageViewer.colName')}</th>
            <th scope="col">{t('stageViewer.colSize')}</th>
            <th scope="col">{t('stageViewer.colSha')}</th>
            <th scope="col">{t('stageViewer.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((material) => (
            <tr key={material.sha256}>
              <td>
                {material.name} {material.commercialSecret && <span className="badge">{t('stageViewer.secret')}</span>}
              </td>
              <td>{formatFileSize(material.size)}</td>
              <td className="sha" title={t('stageViewer.shaFull', { sha256: material.sha256 })}>
                {shaPrefix(material.sha256)}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t('stageViewer.openMaterial', { name: material.name })}
                  onClick={() => onOpen(material.sha256)}
                >
                  {t('stageViewer.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
