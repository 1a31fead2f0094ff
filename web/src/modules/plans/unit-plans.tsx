/** A section of an SNA's unit page: its investment program's years and totals, and the way to its plans page. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { useProgram } from './api.ts';
import './common.tsx';

export function UnitPlans({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const program = useProgram(code);
  // Villages have no plans of their own (their needs are the commune's).
  if (code.length > 6) return null;
  const first = program.data?.firstYear ?? null;
  const total = (program.data?.totals ?? []).reduce((sum, item) => sum + item.amount, 0);
  return (
    <section className="unit-section unit-plans" aria-labelledby="unit-plans-title">
      <h2 id="unit-plans-title">{t('plans.section.title')}</h2>
      {first !== null ? (
        <p>
          {t('plans.section.program', {
            from: format.digits(String(first)),
            to: format.digits(String(first + 2)),
            total: format.riel(total),
          })}
        </p>
      ) : null}
      <p>
        <Link to={`/plans/units/${code}`}>{t('plans.section.open')}</Link>
      </p>
    </section>
  );
}
