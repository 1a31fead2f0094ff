/**
 * The front door. A citizen searches a service, tracks a case, complains, or opens "my
 * commune": pick a commune and see what it does — its council, the services offered there with
 * their fees and time limits, its plans, budget and the transfers it received — composed from
 * the sections the modules add to a unit's page. A signed-in officer finds their own work
 * first; a signed-in citizen their applications. Every element that looks like a link or a
 * button is one.
 *
 * Not here: "use the phone's location" — the gazetteer has no point-in-polygon endpoint yet.
 */
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession, type Session } from '../lib/session.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useFormat } from '../lib/use-format.ts';
import './home.css';

// The 24 provinces and the capital; the home page states it without a request to stay light.
const PROVINCE_COUNT = 25;

// "My commune" (the unit picker, names, the modules' sections) loads after the first view.
const MyCommune = lazy(() => import('./my-commune.tsx').then((m) => ({ default: m.MyCommune })));

export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  useDocumentTitle(null);
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>

      {session.user ? <YourWork session={session} /> : <CitizenAccount />}

      <div className="home-doors">
        <ServiceSearch />
        <TrackCase />
        <section className="home-door" aria-labelledby="home-complain">
          <h2 id="home-complain">{t('home.complain.title')}</h2>
          <p>{t('home.complain.lead')}</p>
          <Link className="button button--secondary" to="/complaints/new">
            {t('home.complain.link')}
          </Link>
        </section>
      </div>

      <Suspense fallback={<MyCommuneLoading />}>
        <MyCommune />
      </Suspense>

      <section aria-labelledby="home-more">
        <h2 id="home-more">{t('home.more.title')}</h2>
        <ul className="cards">
          <li className="card">
            <Link to="/units" className="card__link">
              {t('home.links.units', { total: format.number(PROVINCE_COUNT) })}
            </Link>
            <p>{t('home.links.unitsDesc')}</p>
          </li>
          <li className="card">
            <Link to="/map" className="card__link">
              {t('home.more.map')}
            </Link>
            <p>{t('home.more.mapDesc')}</p>
          </li>
          <li className="card">
            <Link to="/open-data" className="card__link">
              {t('home.more.openData')}
            </Link>
            <p>{t('home.more.openDataDesc')}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}

/** Signed out: what an account gives a citizen, and how to get one with only a phone. */
function CitizenAccount() {
  const { t } = useTranslation();
  return (
    <section className="home-account" aria-labelledby="home-account">
      <h2 id="home-account">{t('home.account.title')}</h2>
      <p>{t('home.account.lead')}</p>
      <p className="home-account__actions">
        <Link className="button" to="/sign-up">
          {t('home.account.signUp')}
        </Link>
        <Link className="button button--secondary" to="/sign-in">
          {t('home.account.signIn')}
        </Link>
      </p>
    </section>
  );
}

/** Signed in: the person's own work first (an officer's queue, counter, budgets; a citizen's cases). */
function YourWork({ session }: { session: Session }) {
  const { t } = useTranslation();
  const links: { to: string; label: string }[] = [];
  if (session.can('services.application.process'))
    links.push({ to: '/applications', label: t('home.work.queue') });
  if (session.can('services.application.file'))
    links.push({ to: '/applications/new', label: t('home.work.counter') });
  if (session.can('services.complaint.handle'))
    links.push({ to: '/complaints', label: t('home.work.complaints') });
  for (const unit of session.unitsWhere('budgets.line.manage').slice(0, 3)) {
    if (unit !== null) links.push({ to: `/units/${unit}`, label: t('home.work.budgets', { code: unit }) });
  }
  if (links.length === 0) {
    links.push({ to: '/my/applications', label: t('home.work.myApplications') });
  }
  links.push({ to: '/account', label: t('home.work.account') });
  return (
    <section className="home-account" aria-labelledby="home-work">
      <h2 id="home-work">{t('home.work.title', { name: session.user?.displayName ?? '' })}</h2>
      <ul className="home-links">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ServiceSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    void navigate(q ? `/services?q=${encodeURIComponent(q)}` : '/services');
  };
  return (
    <section className="home-door" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('home.search.title')}</h2>
      <form role="search" onSubmit={submit} className="home-door__form">
        <div className="field">
          <label htmlFor={id}>{t('home.search.label')}</label>
          <input
            id={id}
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('home.search.submit')}
        </button>
      </form>
      <p>
        <Link to="/services">{t('home.search.all')}</Link>
      </p>
    </section>
  );
}

function TrackCase() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [number, setNumber] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = number.trim();
    void navigate(value ? `/track?number=${encodeURIComponent(value)}` : '/track');
  };
  return (
    <section className="home-door" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('home.track.title')}</h2>
      <form onSubmit={submit} className="home-door__form">
        <div className="field">
          <label htmlFor={id}>{t('home.track.label')}</label>
          <input
            id={id}
            name="number"
            autoCapitalize="characters"
            autoComplete="off"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('home.track.submit')}
        </button>
      </form>
    </section>
  );
}

/** The section's frame while its code loads: the same heading, so the page does not jump. */
function MyCommuneLoading() {
  const { t } = useTranslation();
  return (
    <section className="home-commune" aria-labelledby="home-commune">
      <h2 id="home-commune">{t('home.commune.title')}</h2>
      <p>{t('home.commune.lead')}</p>
      <p role="status">{t('common.loading')}</p>
    </section>
  );
}
