import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown inside the layout when a page fails to load (for example a chunk lost on a bad link). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('errors.unknown')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
