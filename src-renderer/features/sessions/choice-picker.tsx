import { useI18n } from '../../i18n/i18n';
import { toggleInOrder } from './session-records';

export interface Choice {
  readonly id: string;
  /** What the checkbox says (e.g. "4.1.1 组织的领导"). */
  readonly label: string;
  /** What the closed picker lists when chosen (e.g. "4.1.1"). */
  readonly short: string;
}

/**
 * A multi-select as a disclosure of checkboxes: the summary names what is chosen, Enter or Space opens it, Tab walks
 * the boxes. The group is named `label`, so each record's picker has its own accessible name.
 */
export function ChoicePicker({
  label,
  choices,
  selected,
  onChange,
}: {
  label: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useI18n();
  const order = choices.map((choice) => choice.id);
  const chosen = selected.map((id) => choices.find((choice) => choice.id === id)?.short ?? id);
  return (
    <details className="choice-picker">
      <summary>
        {label}
        {t('stageSessions.colon')}
        <span className={chosen.length === 0 ? 'muted' : undefined}>
          {chosen.length === 0 ? t('stageSessions.none') : chosen.join(', ')}
        </span>
      </summary>
      <fieldset className="plain choice-list" aria-label={label}>
        {choices.map((choice) => (
          <label key={choice.id}>
            <input
              type="checkbox"
              checked={selected.includes(choice.id)}
              onChange={(event) => onChange(toggleInOrder(selected, choice.id, event.target.checked, order))}
            />{' '}
            {choice.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
