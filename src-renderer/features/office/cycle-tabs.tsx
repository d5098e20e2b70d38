import { officeTabs, routeHash, type OfficeTab } from '../../components/route';
import { useI18n } from '../../i18n/i18n';

/** The pages of one cycle as tabs (links, so each has an address and the browser's back button works). */
export function CycleTabs({ cycleId, current }: { cycleId: string; current: OfficeTab | null }) {
  const { t } = useI18n();
  const label: Readonly<Record<OfficeTab, string>> = {
    settings: t('office.tab.settings'),
    applicants: t('officeApplicants.title'),
    panels: t('officePanels.title'),
    inbox: t('officeInbox.title'),
    results: t('officeResults.title'),
  };
  return (
    <nav className="cycle-tabs" aria-label={t('office.tabs')}>
      <ul>
        {officeTabs.map((tab) => (
          <li key={tab}>
            <a
              href={routeHash({ page: 'office-cycle', cycleId, tab })}
              aria-current={tab === current ? 'page' : undefined}
            >
              {label[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
