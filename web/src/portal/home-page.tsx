import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useFormat } from '../lib/use-format.ts';

// The 24 provinces and the capital; the home page states it without a request to stay light.
const PROVINCE_COUNT = 25;

export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(null);
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>

      <section aria-labelledby="home-covers">
        <h2 id="home-covers">{t('home.coversTitle')}</h2>
        <ul className="chips">
          <li>{t('home.covers.structure')}</li>
          <li>{t('home.covers.councils')}</li>
          <li>{t('home.covers.staff')}</li>
          <li>{t('home.covers.plans')}</li>
          <li>{t('home.covers.budgets')}</li>
          <li>{t('home.covers.transfers')}</li>
          <li>{t('home.covers.services')}</li>
          <li>{t('home.covers.results')}</li>
        </ul>
      </section>

      <section aria-labelledby="home-audience">
        <h2 id="home-audience">{t('home.audienceTitle')}</h2>
        <p>{t('home.audience')}</p>
      </section>

      <section aria-labelledby="home-available">
        <h2 id="home-available">{t('home.availableTitle')}</h2>
        <ul className="cards">
          <li className="card">
            <Link to="/units" className="card__link">
              {t('home.links.units', { total: format.number(PROVINCE_COUNT) })}
            </Link>
            <p>{t('home.links.unitsDesc')}</p>
          </li>
          <li className="card">
            <a href="/api/docs" className="card__link">
              {t('home.links.apiDocs')}
            </a>
            <p>{t('home.links.apiDocsDesc')}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
