/**
 * /services/calendar (public; `?year=` chooses the year): the working-day calendar that due
 * dates are counted on. Weekends are always closed; the public holidays of each year are set by
 * sub-decree and kept by the national level. The page shows a year's holidays, their source,
 * whether the list is only an example, and the year's number of working days; a small helper
 * gives the due date of a number of working days from a day (for the clerk at the counter).
 * National officers holding services.calendar.manage may replace a year's list: rows of a day
 * and its Khmer and English names, and the sub-decree they come from; the API checks the days
 * and answers stable error codes, shown in the reader's language while the form keeps its rows.
 */
import './i18n.ts';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { ExampleBadge } from '../../../components/example-badge.tsx';
import { todayInPhnomPenh } from '../../../lib/format.ts';
import { useSession } from '../../../lib/session.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { Loading } from '../../../components/query-states.tsx';
import {
  MANAGE_CALENDAR,
  useCalendarYear,
  useDueDate,
  useReplaceHolidays,
  type CalendarYear,
} from './api.ts';
import {
  bodyOf,
  daysFromText,
  formProblems,
  MAX_DAYS,
  newRow,
  rowsOf,
  sourceOf,
  weekdayOf,
  yearChoices,
  yearFromAddress,
  type HolidayRow,
} from './helpers.ts';
import '../services.css';
import './calendar.css';

export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const id = useId();
  useDocumentTitle(t('servicesCalendar.title'));

  const thisYear = Number(todayInPhnomPenh().slice(0, 4));
  const year = yearFromAddress(params.get('year'), thisYear);
  const mayEdit = session.canNationally(MANAGE_CALENDAR);

  return (
    <section className="page svc-calendar" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('servicesCalendar.title')}</h1>
      <p>{t('servicesCalendar.intro')}</p>
      <p>
        <Link to="/services">{t('servicesCalendar.toServices')}</Link>
      </p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('servicesCalendar.year')}</label>
          <select
            id={`${id}-year`}
            name="year"
            value={year}
            onChange={(event) => setParams({ year: event.target.value })}
          >
            {yearChoices(thisYear, year).map((choice) => (
              <option key={choice} value={choice}>
                {format.digits(String(choice))}
              </option>
            ))}
          </select>
        </div>
      </form>
      {/* A new key per year: an edit in progress does not follow the reader to another year. */}
      <YearView key={year} year={year} mayEdit={mayEdit} />
      <DueDateHelper />
    </section>
  );
}

/** "ថ្ងៃព្រហស្បតិ៍ ១ មករា ២០២៦" / "Thursday, 1 January 2026", in a <time>. */
function DayText({ date }: { date: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <time dateTime={date}>
      {t('servicesCalendar.dateWithWeekday', {
        weekday: t(`servicesCalendar.weekday.${weekdayOf(date)}`),
        date: format.date(date),
      })}
    </time>
  );
}

function YearView({ year, mayEdit }: { year: number; mayEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const calendar = useCalendarYear(year);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const yearText = format.digits(String(year));

  if (calendar.isPending) return <Loading />;
  if (calendar.isError)
    return <ErrorMessage error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const data = calendar.data;

  return (
    <div className="svc-calendar__year" data-year={year} data-defined={data.defined}>
      <h2>{t('servicesCalendar.holidays.title', { year: yearText })}</h2>
      <Facts data={data} />
      {editing ? (
        <HolidayForm
          year={year}
          data={data}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <>
          {saved ? (
            <p className="success-message svc-calendar__saved" role="status">
              {t('servicesCalendar.edit.saved', { year: yearText })}
            </p>
          ) : null}
          <HolidayTable data={data} />
          {mayEdit ? (
            <p>
              <button
                type="button"
                className="button svc-calendar__edit"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('servicesCalendar.edit.start', { year: yearText })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The year's number of working days, the source of its list and whether it is an example. */
function Facts({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isExample = data.holidays.some((holiday) => holiday.isExample);
  return (
    <>
      <dl className="details svc-calendar__facts">
        <dt>{t('servicesCalendar.workingDays')}</dt>
        <dd data-field="workingDays" data-value={data.workingDays}>
          {format.number(data.workingDays)}
        </dd>
        <dt>{t('servicesCalendar.holidayCount')}</dt>
        <dd data-field="holidayCount" data-value={data.holidays.length}>
          {format.number(data.holidays.length)}
        </dd>
        <dt>{t('servicesCalendar.source')}</dt>
        <dd data-field="source">
          {data.defined ? sourceOf(data.holidays) : t('servicesCalendar.source.none')}
          {isExample ? (
            <>
              {' '}
              <ExampleBadge />
            </>
          ) : null}
        </dd>
      </dl>
      {isExample ? <p className="notice">{t('servicesCalendar.example.explain')}</p> : null}
      {data.defined ? null : <p className="notice">{t('servicesCalendar.undefined')}</p>}
    </>
  );
}

function HolidayTable({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (data.holidays.length === 0) return null;
  const label = t('servicesCalendar.holidays.title', { year: format.digits(String(data.year)) });
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table svc-calendar__table">
        <thead>
          <tr>
            <th scope="col">{t('servicesCalendar.col.date')}</th>
            <th scope="col">{t('servicesCalendar.col.nameKm')}</th>
            <th scope="col">{t('servicesCalendar.col.nameEn')}</th>
          </tr>
        </thead>
        <tbody>
          {data.holidays.map((holiday) => (
            <tr key={holiday.date} data-date={holiday.date}>
              <th scope="row">
                <DayText date={holiday.date} />
              </th>
              <td lang="km">{holiday.nameKm}</td>
              <td lang="en">{holiday.nameEn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface HolidayFormProps {
  year: number;
  data: CalendarYear;
  onCancel: () => void;
  onSaved: () => void;
}

/** The national officer's form: the year's rows and their source, saved after a confirmation. */
function HolidayForm({ year, data, onCancel, onSaved }: HolidayFormProps) {
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
                  <input
                    id={`${rowId}-date`}
                    name="date"
                    type="date"
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                    required
                    aria-invalid={invalid && row.date === '' ? true : undefined}
                    value={row.date}
                    onChange={(event) => change(row.key, 'date', event.target.value)}
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
function DueDateHelper() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [from, setFrom] = useState(() => todayInPhnomPenh());
  const [daysText, setDaysText] = useState('');
  const [problem, setProblem] = useState(false);
  const [request, setRequest] = useState<{ from: string; days: number } | null>(null);
  const due = useDueDate(request);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = daysFromText(daysText);
    setProblem(days === null || from === '');
    if (days !== null && from !== '') setRequest({ from, days });
  };

  return (
    <section className="svc-calendar__due" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('servicesCalendar.due.title')}</h2>
      <p className="hint">{t('servicesCalendar.due.intro')}</p>
      <form className="filters svc-calendar__due-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('servicesCalendar.due.from')}</label>
          <input
            id={`${id}-from`}
            name="from"
            type="date"
            required
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('servicesCalendar.due.days')}</label>
          <input
            id={`${id}-days`}
            name="days"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            required
            aria-describedby={problem ? `${id}-days-error` : undefined}
            aria-invalid={problem ? true : undefined}
            value={daysText}
            onChange={(event) => setDaysText(event.target.value)}
          />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('servicesCalendar.due.submit')}
          </button>
        </div>
      </form>
      {problem ? (
        <p className="field-error" id={`${id}-days-error`} role="alert">
          {t('servicesCalendar.due.invalid', { max: format.number(MAX_DAYS) })}
        </p>
      ) : null}
      <div aria-live="polite">
        {request === null || problem ? null : due.isPending ? (
          <Loading />
        ) : due.isError ? (
          <ErrorMessage error={due.error} onRetry={() => void due.refetch()} />
        ) : (
          <p className="svc-calendar__due-result" data-due={due.data.dueDate}>
            {t(due.data.days === 1 ? 'servicesCalendar.due.result.one' : 'servicesCalendar.due.result.many', {
              days: format.number(due.data.days),
              from: format.date(due.data.from),
            })}{' '}
            <strong>
              <DayText date={due.data.dueDate} />
            </strong>
          </p>
        )}
      </div>
    </section>
  );
}
