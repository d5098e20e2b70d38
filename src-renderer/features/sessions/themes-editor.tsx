import type { Theme } from '../../../src-shared/stages/stage-work';
import { themeRange } from '../../../src-shared/stages/stage-rules';
import { useI18n } from '../../i18n/i18n';
import { ConfirmRemove } from './confirm-remove';
import { addRecord, canAddTheme, removeRecord, themeCount, themeRuleState, updateRecord } from './session-records';

const kinds: readonly Theme['kind'][] = ['strength', 'ofi'];

/**
 * Key themes (关键主题): 3–5 overall strengths and 3–5 opportunities for improvement. Each list counts the themes
 * written and says whether the 3–5 rule is met; a sixth cannot be added.
 */
export function ThemesEditor({
  themes,
  newId,
  onChange,
  onBlur,
}: {
  themes: readonly Theme[];
  newId: () => string;
  onChange: (next: Theme[], typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="themes-columns">
      {kinds.map((kind) => {
        const title = t(`stageSessions.themes.${kind}`);
        const count = themeCount(themes, kind);
        const state = themeRuleState(count);
        const mine = themes.filter((theme) => theme.kind === kind);
        return (
          <section key={kind} className="themes-list" aria-label={title}>
            <h3>{title}</h3>
            <p className={`theme-count theme-${state}`} data-testid={`theme-count-${kind}`} data-state={state}>
              {t(`stageSessions.themes.count.${state}`, { count, min: themeRange.min, max: themeRange.max })}
            </p>
            <ol>
              {mine.map((theme, index) => {
                const record = t('stageSessions.themes.record', { kind: title, n: index + 1 });
                return (
                  <li key={theme.id} className="session-record">
                    <textarea
                      aria-label={record}
                      rows={2}
                      value={theme.text}
                      maxLength={2000}
                      onChange={(event) => onChange(updateRecord(themes, theme.id, { text: event.target.value }), true)}
                      onBlur={onBlur}
                    />
                    <ConfirmRemove
                      label={t('stageSessions.removeOf', { record })}
                      question={t('stageSessions.removeQuestion', { record })}
                      onRemove={() => onChange(removeRecord(themes, theme.id), false)}
                    />
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              disabled={!canAddTheme(themes, kind)}
              onClick={() => onChange(addRecord(themes, { id: newId(), kind, text: '' }), false)}
            >
              + {t(`stageSessions.themes.add.${kind}`)}
            </button>
          </section>
        );
      })}
    </div>
  );
}
