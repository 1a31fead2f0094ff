/**
 * "My commune" on the home page: pick a commune (remembered on the device), then what it does,
 * composed from the sections the modules add to a unit's page. A chunk of its own, loaded after
 * the home page's first view (the home page's JavaScript budget, ADR 0006).
 */
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnitName } from '../components/unit-name.tsx';
import { UnitPicker, type UnitChoice } from '../components/unit-picker.tsx';
import { useUnitSections } from '../lib/web-module.ts';

const COMMUNE_CODE_LENGTH = 6;
const MY_COMMUNE_KEY = 'sndd.myCommune';

function readMyCommune(): string | undefined {
  try {
    const saved = window.localStorage.getItem(MY_COMMUNE_KEY);
    return saved && /^\d{2,6}$/.test(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Pick a commune (remembered on this device), then what it does, from the modules' unit sections. */
export function MyCommune() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<UnitChoice>(readMyCommune);
  const sections = useUnitSections();
  const commune = typeof choice === 'string' && choice.length === COMMUNE_CODE_LENGTH ? choice : null;

  useEffect(() => {
    try {
      if (typeof choice === 'string') window.localStorage.setItem(MY_COMMUNE_KEY, choice);
      else window.localStorage.removeItem(MY_COMMUNE_KEY);
    } catch {
      // Private browsing: the choice is simply not remembered.
    }
  }, [choice]);

  return (
    <section className="home-commune" aria-labelledby="home-commune">
      <h2 id="home-commune">{t('home.commune.title')}</h2>
      <p>{t('home.commune.lead')}</p>
      <UnitPicker legend={t('home.commune.pick')} value={choice} onChange={setChoice} maxLevel={3} />
      {commune ? (
        <div className="home-commune__body" data-commune={commune}>
          <p className="home-commune__name">
            <UnitName code={commune} />
          </p>
          <ul className="home-links">
            <li>
              <Link to={`/services?unit=${commune}`}>{t('home.commune.services')}</Link>
            </li>
            <li>
              <Link to={`/units/${commune}`}>{t('home.commune.page')}</Link>
            </li>
            <li>
              <Link to={`/complaints/new?unit=${commune}`}>{t('home.commune.complain')}</Link>
            </li>
            <li>
              <Link to={`/councils/units/${commune}/requests`}>{t('home.commune.requests')}</Link>
            </li>
          </ul>
          {sections.map(({ name, Component }) => (
            <Suspense key={name} fallback={null}>
              <Component code={commune} />
            </Suspense>
          ))}
        </div>
      ) : (
        <p className="muted">{t('home.commune.none')}</p>
      )}
    </section>
  );
}
