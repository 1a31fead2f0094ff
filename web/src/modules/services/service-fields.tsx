/**
 * A standard's form fields rendered by their Open311 datatype (form-rules.ts decides which
 * control): text, long text, number, date, a short list as radio buttons, a long one as a
 * select, a multi-value list as check boxes. Required fields are marked in words, not only by
 * a star, and a field's problem is read out with it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/date-input.tsx';
import { useFormat } from '../../lib/use-format.ts';
import {
  boundsOf,
  controlFor,
  MAX_STRING_LENGTH,
  MAX_TEXT_LENGTH,
  sortedFields,
  type FieldProblem,
  type FormFieldSpec,
  type FormState,
} from './form-rules.ts';

const PROBLEM_KEYS: Record<FieldProblem, string> = {
  missing: 'services.form.problem.missing',
  not_a_number: 'services.form.problem.not_a_number',
  out_of_range: 'services.form.problem.out_of_range',
  too_long: 'services.form.problem.too_long',
  not_in_list: 'services.form.problem.not_in_list',
};

interface ServiceFieldsProps {
  fields: readonly FormFieldSpec[];
  state: FormState;
  problems: Partial<Record<string, FieldProblem>>;
  onChange: (code: string, value: string | string[]) => void;
}

export function ServiceFields({ fields, state, problems, onChange }: ServiceFieldsProps) {
  return (
    <div className="svc-fields">
      {sortedFields(fields).map((field) => (
        <ServiceField
          key={field.code}
          field={field}
          value={state[field.code]}
          problem={problems[field.code]}
          onChange={(value) => onChange(field.code, value)}
        />
      ))}
    </div>
  );
}

export function RequiredMark() {
  const { t } = useTranslation();
  return <span className="svc-required">({t('services.form.required')})</span>;
}

interface ServiceFieldProps {
  field: FormFieldSpec;
  value: string | string[] | undefined;
  problem: FieldProblem | undefined;
  onChange: (value: string | string[]) => void;
}

function ServiceField({ field, value, problem, onChange }: ServiceFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const km = format.lang === 'km';
  const label = km ? field.descriptionKm : field.descriptionEn;
  const control = controlFor(field);
  // A number field always says what it accepts, so that "0" or "-5" is not a surprise on sending.
  const { minimum, maximum } = boundsOf(field);
  const range = { min: format.number(minimum), max: format.number(maximum) };
  const ownHint = km ? field.datatypeDescriptionKm : field.datatypeDescriptionEn;
  const rangeHint = control === 'number' ? t('services.form.range', range) : null;
  const hint = [ownHint, rangeHint].filter(Boolean).join(' ') || null;
  const describedBy =
    [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const chosen = Array.isArray(value) ? value : [];
  const options = field.values ?? [];
  const optionName = (option: { nameKm: string; nameEn: string }) => (km ? option.nameKm : option.nameEn);

  const hintLine = hint ? (
    <p id={hintId} className="hint">
      {hint}
    </p>
  ) : null;
  const problemLine = problem ? (
    <p id={problemId} className="field-error">
      {t(PROBLEM_KEYS[problem], range)}
    </p>
  ) : null;

  if (control === 'info') {
    return (
      <p className="notice svc-field-info" data-field={field.code}>
        {label}
        {hint ? ` ${hint}` : ''}
      </p>
    );
  }

  if (control === 'radios' || control === 'checkboxes') {
    return (
      <fieldset
        className="svc-choice"
        data-field={field.code}
        aria-describedby={describedBy}
        aria-invalid={problem ? true : undefined}
      >
        <legend>
          {label} {field.required ? <RequiredMark /> : null}
        </legend>
        {hintLine}
        {problemLine}
        {options.map((option) => (
          <label key={option.key} className="svc-choice__option">
            <input
              type={control === 'radios' ? 'radio' : 'checkbox'}
              name={field.code}
              value={option.key}
              checked={control === 'radios' ? text === option.key : chosen.includes(option.key)}
              onChange={(event) => {
                if (control === 'radios') onChange(option.key);
                else
                  onChange(
                    event.target.checked
                      ? [...chosen, option.key]
                      : chosen.filter((key) => key !== option.key),
                  );
              }}
            />
            <span>{optionName(option)}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  const common = {
    id,
    name: field.code,
    'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
    'aria-required': field.required || undefined,
  };
  return (
    <div className="field" data-field={field.code}>
      <label htmlFor={id}>
        {label} {field.required ? <RequiredMark /> : null}
      </label>
      {hintLine}
      {problemLine}
      {control === 'textarea' ? (
        <textarea
          {...common}
          rows={4}
          maxLength={MAX_TEXT_LENGTH}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : control === 'select' ? (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('services.form.choose')}</option>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {optionName(option)}
            </option>
          ))}
        </select>
      ) : control === 'date' ? (
        <DateInput
          id={common.id}
          name={common.name}
          aria-describedby={common['aria-describedby']}
          aria-invalid={common['aria-invalid']}
          value={text}
          onValue={onChange}
        />
      ) : (
        <input
          {...common}
          // Numbers are typed as text: a phone's Khmer keyboard gives Khmer digits, which a number input refuses.
          type="text"
          inputMode={control === 'number' ? 'decimal' : undefined}
          maxLength={control === 'text' ? MAX_STRING_LENGTH : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
