/**
 * The inputs of the standards form: a labelled text or select that shows its problem (the
 * form's own check or the API's, found by the value's JSON pointer), and the move/remove
 * buttons of a row. The problems come from the form through ProblemContext.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemAt, type Problems } from './draft.ts';

const PROBLEM_KEYS = {
  required: 'servicesAdmin.problem.required',
  wholeNumber: 'servicesAdmin.problem.wholeNumber',
  number: 'servicesAdmin.problem.number',
  boundsOrder: 'servicesAdmin.problem.boundsOrder',
  api: 'servicesAdmin.problem.api',
} as const;

export interface ProblemState {
  local: Problems;
  api: readonly { path: string; message: string }[];
}
export const ProblemContext = createContext<ProblemState>({ local: {}, api: [] });

/** Move and remove buttons of a row; `label` names the row for screen readers. */
export function RowButtons({
  label,
  onUp,
  onDown,
  onRemove,
}: {
  label: string;
  onUp?: () => void;
  onDown?: () => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const actions = [
    ['up', onUp],
    ['down', onDown],
    ['remove', onRemove],
  ] as const;
  return (
    <div className="svc-admin__row-buttons">
      {actions.map(([action, onClick]) =>
        onClick ? (
          <button
            key={action}
            type="button"
            className="button button--secondary button--small"
            data-action={action}
            aria-label={t(`servicesAdmin.row.${action}Label`, { row: label })}
            onClick={onClick}
          >
            {t(`servicesAdmin.row.${action}`)}
          </button>
        ) : null,
      )}
    </div>
  );
}

function useProblem(pointer: string) {
  const { local, api } = useContext(ProblemContext);
  return problemAt(pointer, local, api);
}

export function FieldProblem({ pointer, id }: { pointer: string; id?: string }) {
  const { t } = useTranslation();
  const problem = useProblem(pointer);
  if (!problem) return null;
  return (
    <p id={id} className="field-error" data-problem={problem}>
      {t(PROBLEM_KEYS[problem])}
    </p>
  );
}

export function Labelled({
  pointer,
  label,
  hint,
  required,
  children,
}: {
  pointer: string;
  label: string;
  hint?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const problem = useProblem(pointer);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field" data-pointer={pointer}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="svc-admin__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="muted"> {t('servicesAdmin.field.optional')}</span>
        )}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy: describedBy || undefined, invalid: problem !== undefined })}
      <FieldProblem pointer={pointer} id={`${id}-problem`} />
    </div>
  );
}

export function Text({
  pointer,
  label,
  hint,
  value,
  onChange,
  required = false,
  multiline = false,
  numeric = false,
  name,
  lang,
}: {
  pointer: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  numeric?: boolean;
  name: string;
  lang?: 'km' | 'en';
}) {
  return (
    <Labelled pointer={pointer} label={label} hint={hint} required={required}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            name={name}
            lang={lang}
            rows={3}
            value={value}
            required={required}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            name={name}
            lang={lang}
            type="text"
            inputMode={numeric ? 'numeric' : undefined}
            autoComplete="off"
            value={value}
            required={required}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Labelled>
  );
}

export function Select({
  pointer,
  label,
  hint,
  value,
  onChange,
  options,
  name,
  required = false,
}: {
  pointer: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  name: string;
  required?: boolean;
}) {
  return (
    <Labelled pointer={pointer} label={label} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}
