import { useId, type ReactNode } from 'react';
import { errorText } from '../../../../src-shared/contract/error-messages';
import type { AppError } from '../../../../src-shared/contract/result';
import { useI18n } from '../../../i18n/i18n';

export type Problem = Pick<AppError, 'code' | 'params'>;

/** The problems of one control, read out with it (aria-describedby) and shown right under it. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }) {
  const { lang } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          {errorText(problem, lang)} <code className="error-code">{problem.code}</code>
        </li>
      ))}
    </ul>
  );
}

interface ControlProps {
  readonly label: string;
  /** The control's path key (form-issues.ts), so the problem summary can move focus to it. */
  readonly path: string;
  readonly problems: readonly Problem[];
  readonly hint?: string;
}

/** A labelled text, date, email or tel box with its problems. */
export function TextField({
  label,
  path,
  problems,
  hint,
  value,
  onChange,
  type = 'text',
  required = false,
  inputMode,
  autoComplete = 'off',
}: ControlProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'date' | 'email' | 'tel';
  readonly required?: boolean;
  readonly inputMode?: 'numeric' | 'text';
  readonly autoComplete?: string;
}) {
  const id = useId();
  const described = [hint === undefined ? '' : `${id}-hint`, problems.length > 0 ? `${id}-problems` : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div className="form-field">
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label, so the control's name stays the field's name; `required` tells assistive technology. */}
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </span>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        inputMode={inputMode}
        autoComplete={autoComplete}
        data-path={path}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A labelled choice from a fixed list. */
export function SelectField<V extends string>({
  label,
  path,
  problems,
  value,
  options,
  onChange,
}: ControlProps & {
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-path={path}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => {
          const found = options.find((option) => option.value === e.target.value);
          if (found !== undefined) onChange(found.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A labelled yes/no box. */
export function CheckField({
  label,
  path,
  checked,
  onChange,
  hint,
}: {
  readonly label: string;
  readonly path: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="form-field form-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-path={path}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
    </div>
  );
}
