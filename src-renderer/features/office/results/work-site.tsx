import type { SiteWork } from '../../../../src-shared/stages/stage-work';
import { useI18n } from '../../../i18n/i18n';
import { atText } from './work-defense';

/**
 * One expert's site visit (issue 5 item 5): the interview log (interviewees by role only), the documents seen, and
 * the key themes — overall strengths and opportunities for improvement.
 */
export function SiteWorkView({ site }: { site: SiteWork | null }) {
  const { t } = useI18n();
  if (site === null) return null;
  const strengths = site.themes.filter((theme) => theme.kind === 'strength' && theme.text.trim() !== '');
  const ofis = site.themes.filter((theme) => theme.kind === 'ofi' && theme.text.trim() !== '');
  return (
    <section className="work-part">
      <h4>{t('stageOffice.site.title')}</h4>
      {site.interviews.length > 0 && (
        <div className="table-scroll">
          <table className="applicant-table">
            <caption>{t('stageOffice.site.interviews')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stageOffice.site.role')}</th>
                <th scope="col">{t('stageOffice.site.at')}</th>
                <th scope="col">{t('stageOffice.site.topics')}</th>
                <th scope="col">{t('stageOffice.items')}</th>
                <th scope="col">{t('stageOffice.site.findings')}</th>
              </tr>
            </thead>
            <tbody>
              {site.interviews.map((interview) => (
                <tr key={interview.id}>
                  <th scope="row">{interview.role}</th>
                  <td>{atText(interview.at)}</td>
                  <td>{interview.topics}</td>
                  <td>{interview.itemIds.join('、')}</td>
                  <td>{interview.findings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {site.documents.length > 0 && (
        <div className="table-scroll">
          <table className="applicant-table">
            <caption>{t('stageOffice.site.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stageOffice.site.docTitle')}</th>
                <th scope="col">{t('stageOffice.site.docNumber')}</th>
                <th scope="col">{t('stageOffice.site.page')}</th>
                <th scope="col">{t('stageOffice.items')}</th>
              </tr>
            </thead>
            <tbody>
              {site.documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">{document.title}</th>
                  <td>{document.number}</td>
                  <td className="number">{document.page ?? '—'}</td>
                  <td>{document.itemIds.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {strengths.length + ofis.length > 0 && (
        <div className="themes">
          <div>
            <h5>{t('stageOffice.site.strengths', { count: strengths.length })}</h5>
            <ul>
              {strengths.map((theme) => (
                <li key={theme.id}>{theme.text}</li>
              ))}
            </ul>
          </div>
          <div>
            <h5>{t('stageOffice.site.ofis', { count: ofis.length })}</h5>
            <ul>
              {ofis.map((theme) => (
                <li key={theme.id}>{theme.text}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
