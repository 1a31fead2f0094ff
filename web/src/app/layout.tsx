import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { KhmerDigitsToggle } from '../components/khmer-digits-toggle.tsx';
import { useSession, useSignOut } from '../lib/session.ts';

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  // The menu remembers the page it was opened on, so that following a link folds it again.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;
  const menuId = useId();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const session = useSession();

  // After a client-side navigation, move focus to the new content so that keyboard and
  // screen-reader users do not stay on the link they used.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('menu.button')}
          </button>
        </div>
        <div id={menuId} className={menuOpen ? 'site-menu site-menu--open' : 'site-menu'}>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/units">{t('nav.units')}</NavLink>
              </li>
              <li>
                <NavLink to="/map">{t('nav.map')}</NavLink>
              </li>
              <li>
                <NavLink to="/services">{t('services.nav.services')}</NavLink>
              </li>
              <li>
                <NavLink to="/track">{t('services.nav.track')}</NavLink>
              </li>
              {session.user && !session.can('services.application.process') ? (
                <li>
                  <NavLink to="/my/applications">{t('services.nav.mine')}</NavLink>
                </li>
              ) : null}
              {session.can('services.application.process') ? (
                <li>
                  <NavLink to="/applications">{t('services.nav.applications')}</NavLink>
                </li>
              ) : null}
              {session.can('services.complaint.handle') ? (
                <li>
                  <NavLink to="/complaints" end>
                    {t('services.nav.complaints')}
                  </NavLink>
                </li>
              ) : null}
              {session.can('services.dashboard.read') ? (
                <li>
                  <NavLink to="/services/dashboard">{t('servicesDashboard.nav')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/transfers">{t('transfers.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/open-data">{t('budgets.nav')}</NavLink>
              </li>
              {session.can('access.user.read') ? (
                <li>
                  <NavLink to="/admin/users">{t('nav.users')}</NavLink>
                </li>
              ) : null}
              {session.can('gazetteer.import.run') ? (
                <li>
                  <NavLink to="/admin/gazetteer-import">{t('nav.gazetteerImport')}</NavLink>
                </li>
              ) : null}
              <li>
                <a href="/api/docs">{t('nav.apiDocs')}</a>
              </li>
            </ul>
          </nav>
          <UserArea />
          <div className="settings" role="group" aria-label={t('settings.label')}>
            <LanguageSwitch />
            <KhmerDigitsToggle />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        {navigation.state === 'loading' ? (
          <p className="loading-bar" role="status">
            {t('common.loading')}
          </p>
        ) : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.program')}</p>
      </footer>
    </div>
  );
}

/** The signed-in person's name (to their account) and a sign-out button, or a sign-in link. */
function UserArea() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const { pathname, search } = useLocation();
  if (session.status === 'loading') return null;
  if (!session.user) {
    if (pathname === '/sign-in') return null;
    const next = pathname === '/' ? '' : `?next=${encodeURIComponent(`${pathname}${search}`)}`;
    return (
      <div className="user-area">
        <Link to={`/sign-in${next}`} className="user-area__sign-in">
          {t('nav.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="user-area">
      <NavLink to="/account" end className="user-area__name">
        <span className="visually-hidden">{t('nav.account')}: </span>
        <span className="user-area__display-name">{session.user.displayName}</span>
      </NavLink>
      <button
        type="button"
        className="user-area__sign-out"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}
