/** The national officers' form for a year's holidays: one row per holiday, the source, and the save. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { DateInput } from '../../../components/date-input.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useReplaceHolidays, type CalendarYear } from './api.ts';
import { bodyOf, formProblems, newRow, rowsOf, sourceOf, type HolidayRow } from './helpers.ts';

interface HolidayFormProps {
  year: number;
  data: CalendarYear;
  onCancel: () => void;
  onSaved: () => void;
}

/** The national officer's form: the year's rows and their source, saved after a confirmation. */
export function HolidayForm({ year, data, onCancel, onSaved }: HolidayFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [rows, setRows] = useState<HolidayRow[]>(() => rowsOf(data.holidays));
  const [source, setSource] = useState(() => sourceOf(data.holidays));
  // An example list stays one until the officer says it now comes from the sub-decree.
  const [isExample, setIsExample] = useState(() => data.holidays.some((holiday) => holiday.isExample));
  const [checked, setChecked] = useState(false);
  const replace = useReplaceHolidays(year);
  const yearText = format.digits(String(year));

  const problems = formProblems(rows, source);
  const shown = checked ? problems : { source: false, rows: [] };
  const change = (key: number, field: 'date' | 'nameKm' | 'nameEn', value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  const save = () => {
    setChecked(true);
    if (problems.source || problems.rows.length > 0) return;
    replace.mutate(bodyOf(rows, source, isExample), { onSuccess: onSaved });
  };

  return (
    <form
      className="svc-calendar__form"
      noValidate
      aria-labelledby={`${id}-legend`}
      onSubmit={(event: FormEvent) => event.preventDefault()}
    >
      <h3 id={`${id}-legend`}>{t('servicesCalendar.edit.title', { year: yearText })}</h3>
      <p className="hint">{t('servicesCalendar.edit.hint', { year: yearText })}</p>
      {rows.length === 0 ? <p className="notice">{t('servicesCalendar.edit.noRows')}</p> : null}
      <ol className="svc-calendar__rows">
        {rows.map((row, index) => {
          const number = format.number(index + 1);
          const invalid = shown.rows.includes(row.key);
          const rowId = `${id}-${row.key}`;
          return (
            <li key={row.key} className="svc-calendar__row" data-row={index}>
              <fieldset>
                <legend>{t('servicesCalendar.edit.row', { number })}</legend>
                <Field id={`${rowId}-date`} label={t('servicesCalendar.col.date')}>
                  <DateInput
                    id={`${rowId}-date`}
                    name="date"
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                    required
                    aria-invalid={invalid && row.date === '' ? true : undefined}
                    value={row.date}
                    onValue={(date) => change(row.key, 'date', date)}
                  />
                </Field>
                <Field id={`${rowId}-km`} label={t('servicesCalendar.col.nameKm')}>
                  <input
                    id={`${rowId}-km`}
                    name="nameKm"
                    type="text"
                    lang="km"
                    maxLength={200}
                    required
                    aria-invalid={invalid && row.nameKm.trim() === '' ? true : undefined}
                    value={row.nameKm}
                    onChange={(event) => change(row.key, 'nameKm', event.target.value)}
                  />
                </Field>
                <Field id={`${rowId}-en`} label={t('servicesCalendar.col.nameEn')}>
                  <input
                    id={`${rowId}-en`}
                    name="nameEn"
                    type="text"
                    lang="en"
                    maxLength={200}
                    required
                    aria-invalid={invalid && row.nameEn.trim() === '' ? true : undefined}
                    value={row.nameEn}
                    onChange={(event) => change(row.key, 'nameEn', event.target.value)}
                  />
                </Field>
                {invalid ? <p className="field-error">{t('servicesCalendar.edit.rowIncomplete')}</p> : null}
                <button
                  type="button"
                  className="button button--secondary svc-calendar__remove"
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  {t('servicesCalendar.edit.remove', { number })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          className="button button--secondary svc-calendar__add"
          onClick={() => setRows((current) => [...current, newRow()])}
        >
          {t('servicesCalendar.edit.add')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('servicesCalendar.source')}</label>
        <p className="hint" id={`${id}-source-hint`}>
          {t('servicesCalendar.edit.sourceHint')}
        </p>
        <textarea
          id={`${id}-source`}
          name="source"
          rows={2}
          maxLength={500}
          required
          aria-describedby={`${id}-source-hint`}
          aria-invalid={shown.source ? true : undefined}
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
        {shown.source ? <p className="field-error">{t('servicesCalendar.edit.sourceRequired')}</p> : null}
      </div>
      <div className="svc-calendar__check">
        <input
          id={`${id}-example`}
          name="isExample"
          type="checkbox"
          checked={isExample}
          onChange={(event) => setIsExample(event.target.checked)}
        />
        <label htmlFor={`${id}-example`}>{t('servicesCalendar.edit.isExample')}</label>
      </div>
      {replace.isError ? <ErrorMessage error={replace.error} /> : null}
      {replace.isPending ? (
        <p role="status" className="loading">
          {t('common.saving')}
        </p>
      ) : null}
      <div className="svc-calendar__actions">
        <ConfirmButton
          label={t('servicesCalendar.edit.save', { year: yearText })}
          question={t('servicesCalendar.edit.confirm', {
            year: yearText,
            days: format.number(rows.length),
          })}
          confirmLabel={t('servicesCalendar.edit.confirmYes')}
          disabled={replace.isPending}
          onConfirm={save}
        />
        <button type="button" className="button button--secondary svc-calendar__leave" onClick={onCancel}>
          {t('servicesCalendar.edit.leave')}
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** From a day and a number of working days, the due date (as the API computes it for filing). */
