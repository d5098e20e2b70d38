import { issueKindSchema } from '../../../../src-shared/stages/stage-work';
import type { OfficePanelIssue } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { ItemName } from './load-panels-data';
import { itemIdsOfText } from './panel-issues';

/**
 * One issue to verify of a site-visit panel: its kind (verify a claim / ask to clarify), its text and the items it
 * bears on. Items are ticked from the cycle's criteria in a disclosure (23 boxes would crowd the card), or typed as
 * ids when the criteria could not be read.
 */
export function PanelIssueEntry({
  issue,
  label,
  items,
  sourceName,
  onChange,
  onRemove,
}: {
  issue: OfficePanelIssue;
  /** "乙公司的第 2 条核实问题": names the group and its controls for screen readers. */
  label: string;
  items: readonly ItemName[];
  /** The expert it was collected from, or null when the office typed it. */
  sourceName: string | null;
  onChange: (next: OfficePanelIssue) => void;
  onRemove: () => void;
}) {
  const { t, pick } = useI18n();
  const toggle = (itemId: string, on: boolean): void => {
    const chosen = on ? [...issue.itemIds, itemId] : issue.itemIds.filter((id) => id !== itemId);
    // Kept in the criteria's order whatever order they were ticked in.
    const order = items.map((item) => item.id);
    onChange({ ...issue, itemIds: [...new Set(chosen)].sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
  };
  return (
    <li>
      <div role="group" aria-label={label} className="panel-issue">
        <div className="panel-issue-head">
          <label>
            {t('stageOffice.issues.kind')}
            <select
              value={issue.kind}
              onChange={(e) => onChange({ ...issue, kind: issueKindSchema.catch('verify').parse(e.target.value) })}
            >
              {issueKindSchema.options.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`stageOffice.issueKind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          {sourceName !== null && (
            <span className="muted">{t('stageOffice.issues.collectedFrom', { name: sourceName })}</span>
          )}
          <button type="button" aria-label={t('stageOffice.issues.removeOf', { label })} onClick={onRemove}>
            {t('stageOffice.setup.remove')}
          </button>
        </div>
        <label>
          {t('stageOffice.issues.text')}
          <textarea
            rows={2}
            maxLength={2000}
            value={issue.text}
            onChange={(e) => onChange({ ...issue, text: e.target.value })}
          />
        </label>
        {items.length === 0 ? (
          <label>
            {t('stageOffice.issues.itemIdsTyped')}
            <input
              value={issue.itemIds.join(', ')}
              onChange={(e) => onChange({ ...issue, itemIds: itemIdsOfText(e.target.value) })}
            />
          </label>
        ) : (
          <details className="panel-issue-items">
            <summary>
              {t('stageOffice.issues.items', {
                items: issue.itemIds.length === 0 ? t('stageOffice.issues.noItems') : issue.itemIds.join('、'),
              })}
            </summary>
            <fieldset className="plain">
              <legend className="visually-hidden">{t('stageOffice.issues.itemsOf', { label })}</legend>
              <ul className="panel-issue-item-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={issue.itemIds.includes(item.id)}
                        onChange={(e) => toggle(item.id, e.target.checked)}
                      />
                      {item.id} {pick(item.name)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </details>
        )}
      </div>
    </li>
  );
}
