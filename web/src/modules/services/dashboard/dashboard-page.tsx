/**
 * /services/dashboard (staff with services.dashboard.read): what an office, a district, a
 * province or the country received and completed, how fast, what is overdue now, the fees it
 * collected and how satisfied people were; each figure by month (a chart and a table), by
 * service, and by the applicant's sex, age group and disability; the distribution of ratings;
 * the same figures to download as CSV or Excel. The unit starts at the person's own (the
 * country for national staff); the period at the last twelve months. The filters live in the
 * address, so that a view can be shared or reloaded.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { RequireSession } from '../../../components/require-session.tsx';
import { UnitPicker, type UnitChoice } from '../../../components/unit-picker.tsx';
import { todayInPhnomPenh } from '../../../lib/format.ts';
import { useSession } from '../../../lib/session.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDashboard } from './api.ts';
import { useMonthLabel } from './common.tsx';
import {
  defaultPeriod,
  defaultUnit,
  filtersQuery,
  isMonth,
  mayView,
  monthChoices,
  periodProblem,
  type DashboardFilters,
} from './helpers.ts';
import { Loading } from '../../../components/query-states.tsx';
import { SelectField } from '../../../components/fields.tsx';
import '../services.css';
import './dashboard.css';
import { DashboardFigures } from './dashboard-figures.tsx';

export const DASHBOARD_PERMISSION = 'services.dashboard.read';

/** The address's `unit` for the whole country (absent means "the person's default"). */
const COUNTRY = 'country';

export function DashboardPage() {
  return (
    <RequireSession permission={DASHBOARD_PERMISSION}>
      <OfficeDashboard />
    </RequireSession>
  );
}

/** The unit in the address: absent → the default; "country" → null; "" → nothing chosen yet. */
function unitFromAddress(param: string | null, fallback: UnitChoice): UnitChoice {
  if (param === null) return fallback;
  if (param === COUNTRY) return null;
  if (param === '') return undefined;
  return param;
}

function OfficeDashboard() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const ids = { from: useId(), to: useId(), period: useId() };
  useDocumentTitle(t('servicesDashboard.title'));

  const units = session.unitsWhere(DASHBOARD_PERMISSION);
  const national = units.includes(null);
  const today = todayInPhnomPenh();
  const period = defaultPeriod(today);
  const unit = unitFromAddress(params.get('unit'), defaultUnit(units));
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const from = isMonth(fromParam) ? fromParam : period.from;
  const to = isMonth(toParam) ? toParam : period.to;
  const months = monthChoices(today);

  const problem = periodProblem(from, to);
  const allowed = unit !== undefined && mayView(units, unit);
  const filters: DashboardFilters = { unit: unit ?? null, from, to };
  const ready = problem === null && allowed;
  const dashboard = useDashboard(filters, ready);
  const query = filtersQuery(filters);

  const change = (name: 'unit' | 'from' | 'to', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <section className="page svc-dashboard" aria-labelledby="svc-dashboard-title">
      <h1 id="svc-dashboard-title">{t('servicesDashboard.title')}</h1>
      <p>{t('servicesDashboard.intro')}</p>
      <form className="svc-dashboard__filters" onSubmit={(event) => event.preventDefault()}>
        <UnitPicker
          legend={t('servicesDashboard.unit')}
          hint={national ? t('servicesDashboard.unit.hintNational') : t('servicesDashboard.unit.hint')}
          value={unit}
          allowNational={national}
          limitTo={units}
          maxLevel={3}
          onChange={(value) => change('unit', value === null ? COUNTRY : (value ?? ''))}
        />
        <fieldset className="svc-dashboard__period" aria-describedby={ids.period}>
          <legend>{t('servicesDashboard.period')}</legend>
          <p id={ids.period} className="hint">
            {t('servicesDashboard.period.hint')}
          </p>
          <MonthSelect
            name="from"
            label={t('servicesDashboard.from')}
            value={from}
            months={months}
            onChange={(value) => change('from', value)}
          />
          <MonthSelect
            name="to"
            label={t('servicesDashboard.to')}
            value={to}
            months={months}
            onChange={(value) => change('to', value)}
          />
          {problem ? (
            <p className="field-error" role="alert">
              {t(`servicesDashboard.period.${problem}`)}
            </p>
          ) : null}
        </fieldset>
      </form>
      {unit === undefined ? <p className="notice">{t('servicesDashboard.unit.choose')}</p> : null}
      {unit !== undefined && !allowed ? (
        <p className="notice" data-kind="out-of-scope">
          {t('servicesDashboard.unit.outOfScope')}
        </p>
      ) : null}
      {ready ? (
        <>
          <ul className="chips svc-dashboard__downloads">
            <li>
              <a
                className="download-link"
                data-format="csv"
                href={`/api/services/dashboard.csv?${query}`}
                download
              >
                {t('servicesDashboard.download.csv')}
              </a>
            </li>
            <li>
              <a
                className="download-link"
                data-format="xlsx"
                href={`/api/services/dashboard.xlsx?${query}`}
                download
              >
                {t('servicesDashboard.download.xlsx')}
              </a>
            </li>
          </ul>
          {dashboard.isPending ? (
            <Loading />
          ) : dashboard.isError || !dashboard.data ? (
            <ErrorMessage error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          ) : (
            <DashboardFigures dashboard={dashboard.data} stale={dashboard.isPlaceholderData} />
          )}
        </>
      ) : null}
    </section>
  );
}

function MonthSelect({
  name,
  label,
  value,
  months,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  months: readonly string[];
  onChange: (value: string) => void;
}) {
  const monthLabel = useMonthLabel();
  // A month from the address older than the choices is still shown as chosen.
  const choices = months.includes(value) ? months : [value, ...months];
  return (
    <SelectField label={label} name={name} value={value} onValue={onChange}>
      {choices.map((month) => (
        <option key={month} value={month}>
          {monthLabel(month)}
        </option>
      ))}
    </SelectField>
  );
}
