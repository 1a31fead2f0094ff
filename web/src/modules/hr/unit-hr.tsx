/** A section of an SNA's unit page: the way to its establishment and staff, and to women in leadership. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './common.tsx';

export function UnitHr({ code }: { code: string }) {
  const { t } = useTranslation();
  // Villages are not administrations: they have no establishment.
  if (code.length > 6) return null;
  return (
    <section className="unit-section unit-hr" aria-labelledby="unit-hr-title">
      <h2 id="unit-hr-title">{t('hr.unitSection')}</h2>
      <p>
        <Link to={`/hr/units/${code}`}>{t('hr.establishment.title')}</Link> ·{' '}
        <Link to={`/hr/leadership?unit=${code}`}>{t('hr.leadership.link')}</Link>
      </p>
    </section>
  );
}
