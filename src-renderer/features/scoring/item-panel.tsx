import type { Applicant } from '../../../src-shared/assignments/assignment-schema';
import type { Criteria, CriteriaCategory, CriteriaItem } from '../../../src-shared/criteria/criteria-schema';
import type { ItemRow } from '../../data/row-schemas';
import type { ItemChange } from '../../data/sheet-repository';
import { useI18n } from '../../i18n/i18n';
import { BandPicker } from './band-picker';
import { CarriedPercent, type CarriedItem } from './carried-percent';
import { CommentList } from './comment-list';
import { ItemHistory } from './item-history';
import type { MaterialsLink } from './materials-link';

interface ItemPanelProps {
  readonly criteria: Criteria;
  readonly category: CriteriaCategory;
  readonly item: CriteriaItem;
  readonly row: ItemRow | undefined;
  readonly applicant: Applicant;
  readonly sheetId: string;
  readonly newId: () => string;
  readonly onChange: (change: ItemChange, typing: boolean) => void;
  readonly onBlur: () => void;
  /** A submitted sheet is read-only until the expert revises it (with a reason). */
  readonly locked: boolean;
  /** What the previous stage handed over for this item; absent at the first stage. */
  readonly carried?: CarriedItem;
  readonly materials?: MaterialsLink;
}

/** Everything needed to score one item: guide, the applicant's summary, bands, percent, comments, note, history. */
export function ItemPanel({
  criteria,
  category,
  item,
  row,
  applicant,
  sheetId,
  newId,
  onChange,
  onBlur,
  locked,
  carried,
  materials,
}: ItemPanelProps) {
  const { t, pick } = useI18n();
  const summary = applicant.summaries.find((s) => s.categoryId === category.id);
  return (
    <article className="item-panel panel" aria-labelledby="item-heading">
      <h2 id="item-heading" tabIndex={-1}>
        {item.id} {pick(item.name)}{' '}
        <span className="muted">
          · {t('score.points', { points: item.points })} · {t(`score.kind.${item.kind}`)}
        </span>
      </h2>
      <div className="guide-and-summary">
        <section aria-label={t('score.guide')}>
          <h3>{t('score.guide')}</h3>
          <ul>
            {item.guide.map((entry, index) => (
              <li key={index}>{pick(entry)}</li>
            ))}
          </ul>
        </section>
        {summary !== undefined && (
          <details className="summary" open>
            <summary>{t('score.summary', { category: `${category.id} ${pick(category.name)}` })}</summary>
            <p lang="zh-CN">{summary.text}</p>
          </details>
        )}
      </div>
      <fieldset className="plain" disabled={locked}>
        <BandPicker
          criteria={criteria}
          item={item}
          percent={row?.percent ?? null}
          onChange={(percent) => onChange({ field: 'percent', value: percent }, false)}
        />
        {carried !== undefined && <CarriedPercent carried={carried} percent={row?.percent ?? null} itemId={item.id} />}
        <div className="comment-columns">
          <CommentList
            kind="strengths"
            comments={row?.strengths ?? []}
            newId={newId}
            onBlur={onBlur}
            materials={materials}
            onChange={(value, typing) => onChange({ field: 'strengths', value }, typing)}
          />
          <CommentList
            kind="ofis"
            comments={row?.ofis ?? []}
            newId={newId}
            onBlur={onBlur}
            materials={materials}
            onChange={(value, typing) => onChange({ field: 'ofis', value }, typing)}
          />
        </div>
        <label className="note">
          {t('score.note')}
          <textarea
            rows={2}
            value={row?.note ?? ''}
            onChange={(e) => onChange({ field: 'note', value: e.target.value }, true)}
            onBlur={onBlur}
          />
        </label>
      </fieldset>
      <ItemHistory sheetId={sheetId} itemId={item.id} version={row?.updatedAt} />
    </article>
  );
}
