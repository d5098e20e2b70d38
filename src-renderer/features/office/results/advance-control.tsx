import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { StageRanking } from '../../../../src-shared/office/cycle-results';
import type { AdvanceRule } from '../../../../src-shared/office/office-schemas';
import { useI18n } from '../../../i18n/i18n';

type Kind = 'none' | AdvanceRule['kind'];

/**
 * Who goes on from one stage to the next (Art. 11 (4)–(6)): the office picks a rule — the first N of the stage
 * ranking, or everyone at or above a total — and sees the list advanceList gives, with applicants tied at the cut
 * named. The rule only shows a list; the next stage's panels decide who is actually scored there, and the list says
 * which of the chosen have a panel at the next stage.
 */
export function AdvanceControl({
  ranking,
  next,
  rule,
  onChange,
  applicantName,
  scoredNext,
}: {
  ranking: StageRanking;
  next: Stage;
  rule: AdvanceRule | undefined;
  onChange: (rule: AdvanceRule | undefined) => void;
  applicantName: (id: string) => string;
  /** Applicants with a panel at the next stage. */
  scoredNext: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const kind: Kind = rule?.kind ?? 'none';
  const from = t(`stage.${ranking.stage}`);
  const to = t(`stage.${next}`);
  const setKind = (value: Kind): void => {
    if (value === 'none') onChange(undefined);
    else if (value === 'top') onChange({ kind: 'top', count: Math.max(1, Math.min(3, ranking.ranking.length)) });
    else onChange({ kind: 'threshold', minHundredths: 60000 });
  };
  const list = ranking.advance;
  const tied = new Set(list?.tiedAtCut ?? []);
  return (
    <fieldset className="advance-control">
      <legend>{t('officeResults.advance.title', { from, to })}</legend>
      <label>
        {t('officeResults.advance.rule')}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="none">{t('officeResults.advance.none')}</option>
          <option value="top">{t('officeResults.advance.top')}</option>
          <option value="threshold">{t('officeResults.advance.threshold')}</option>
        </select>
      </label>
      {rule?.kind === 'top' && (
        <label>
          {t('officeResults.advance.count')}
          <input
            type="number"
            min={1}
            step={1}
            value={rule.count}
            onChange={(e) => {
              const count = Math.floor(Number(e.target.value));
              if (Number.isFinite(count) && count >= 1) onChange({ kind: 'top', count });
            }}
          />
        </label>
      )}
      {rule?.kind === 'threshold' && (
        <label>
          {t('officeResults.advance.minPoints')}
          <input
            type="number"
            min={0}
            max={1000}
            step={0.01}
            value={rule.minHundredths / 100}
            onChange={(e) => {
              const hundredths = Math.round(Number(e.target.value) * 100);
              if (Number.isFinite(hundredths) && hundredths >= 0)
                onChange({ kind: 'threshold', minHundredths: hundredths });
            }}
          />
        </label>
      )}
      {list !== null && (
        <div role="status">
          {list.applicantIds.length === 0 ? (
            <p>{t('officeResults.advance.nobody')}</p>
          ) : (
            <ol>
              {list.applicantIds.map((id) => (
                <li key={id}>
                  {applicantName(id)}
                  {tied.has(id) && <strong className="flag"> {t('officeResults.advance.tiedAtCut')}</strong>}
                  {!scoredNext.has(id) && (
                    <span className="muted"> {t('officeResults.advance.noPanelNext', { to })}</span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </fieldset>
  );
}
