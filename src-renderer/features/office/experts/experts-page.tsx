import { useI18n } from '../../../i18n/i18n';

/** Placeholder until this screen is built (issue 4). */
export function ExpertsPage() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t('officeExperts.title')}</h1>
    </section>
  );
}
