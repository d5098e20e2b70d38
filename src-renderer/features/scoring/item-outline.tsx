import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { followLink, routeHash, type Route } from '../../components/route';
import type { ItemRow } from '../../data/row-schemas';
import { useI18n } from '../../i18n/i18n';

interface ItemOutlineProps {
  readonly criteria: Criteria;
  readonly items: ReadonlyMap<string, ItemRow>;
  readonly currentItemId: string;
  readonly assignmentId: string;
  readonly applicantId: string;
  /** Items whose carried percent changed without a reason yet. */
  readonly needsReason?: ReadonlySet<string>;
}

/** The 7 categories and 23 items, each with its percent and whether it has a comment yet. */
export function ItemOutline({
  criteria,
  items,
  currentItemId,
  assignmentId,
  applicantId,
  needsReason,
}: ItemOutlineProps) {
  const { t, pick } = useI18n();
  return (
    <nav className="outline panel" aria-label={t('score.outline')}>
      <ol>
        {criteria.categories.map((category) => (
          <li key={category.id}>
            <span className="outline-category">
              {category.id} {pick(category.name)} <span className="muted">({category.points})</span>
            </span>
            <ol>
              {category.items.map((item) => {
                const row = items.get(item.id);
                const percent = row?.percent ?? null;
                const commented = row !== undefined && row.strengths.length + row.ofis.length > 0;
                const current = item.id === currentItemId;
                const route: Route = { page: 'scorebook', assignmentId, applicantId, itemId: item.id };
                return (
                  <li key={item.id}>
                    <a
                      href={routeHash(route)}
                      onClick={(event) => followLink(event, route)}
                      aria-current={current ? 'page' : undefined}
                      className={current ? 'current' : undefined}
                      data-testid={`outline-${item.id}`}
                    >
                      <span>
                        {item.id} {pick(item.name)}
                      </span>
                      <span className="outline-state">
                        {percent === null ? '—' : `${percent}%`}
                        {commented ? ' ✓' : ''}
                        {needsReason?.has(item.id) === true && (
                          <span className="needs-reason" title={t('stageScoring.needsReason')}>
                            {' '}
                            ⚠<span className="visually-hidden">{t('stageScoring.needsReason')}</span>
                          </span>
                        )}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
