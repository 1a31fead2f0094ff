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
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { ExampleBadge } from '../../../components/example-badge.tsx';
import { todayInPhnomPenh } from '../../../lib/format.ts';
import { useSession } from '../../../lib/session.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { Loading } from '../../../components/query-states.tsx';
import { DateField, InputField, SelectField } from '../../../components/fields.tsx';
import { MANAGE_CALENDAR, useCalendarYear, useDueDate, type CalendarYear } from './api.ts';
import { daysFromText, MAX_DAYS, sourceOf, weekdayOf, yearChoices, yearFromAddress } from './helpers.ts';
import './i18n.ts';
import '../services.css';
import './calendar.css';
import { HolidayForm } from './holiday-form.tsx';

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
        <SelectField
          label={t('servicesCalendar.year')}
          name="year"
          value={year}
          onChange={(event) => setParams({ year: event.target.value })}
        >
          {yearChoices(thisYear, year).map((choice) => (
            <option key={choice} value={choice}>
              {format.digits(String(choice))}
            </option>
          ))}
        </SelectField>
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
    <DataTable
      className="svc-calendar__table"
      label={label}
      caption={label}
      captionHidden
      columns={[
        {
          key: 'date',
          label: t('servicesCalendar.col.date'),
          rowHeader: true,
          cell: (holiday) => <DayText date={holiday.date} />,
        },
        {
          key: 'nameKm',
          label: t('servicesCalendar.col.nameKm'),
          cell: (holiday) => <span lang="km">{holiday.nameKm}</span>,
        },
        {
          key: 'nameEn',
          label: t('servicesCalendar.col.nameEn'),
          cell: (holiday) => <span lang="en">{holiday.nameEn}</span>,
        },
      ]}
      items={data.holidays}
      rowKey={(holiday) => holiday.date}
      rowData={(holiday) => ({ 'data-date': holiday.date })}
    />
  );
}

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
        <DateField
          label={t('servicesCalendar.due.from')}
          name="from"
          required
          value={from}
          onValue={setFrom}
        />
        <InputField
          label={t('servicesCalendar.due.days')}
          name="days"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          required
          aria-describedby={problem ? `${id}-days-error` : undefined}
          aria-invalid={problem ? true : undefined}
          value={daysText}
          onValue={setDaysText}
        />
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
