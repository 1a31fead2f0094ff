/**
 * "Budget", a section of the unit profile: links to the unit's budget and its report, year by
 * year. The API has no list of a unit's budgets, so the links go to next year, this year and
 * the year before (the budget page says when there is none to show).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { yearsToLink } from './helpers.ts';
import './i18n.ts';
import './budgets.css';

export function UnitBudgets({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="unit-section unit-budgets" aria-labelledby="unit-budgets-title">
      <h2 id="unit-budgets-title">{t('budgets.unit.title')}</h2>
      <ul className="unit-budgets__years">
        {yearsToLink(todayInPhnomPenh()).map((year) => (
          <li key={year} data-year={year}>
            <Link to={`/budgets/${code}/${year}`}>
              {t('budgets.unit.year', { year: format.digits(String(year)) })}
            </Link>{' '}
            ·{' '}
            <Link to={`/budgets/${code}/${year}/report`} className="unit-budgets__report">
              {t('budgets.report.title')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
