import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { KhmerDigitsToggle } from '../components/khmer-digits-toggle.tsx';
import { useSession, useSignOut } from '../lib/session.ts';
import { UnitSectionsContext } from '../lib/web-module.ts';
import { NAV_ENTRIES, UNIT_SECTIONS } from './modules.ts';

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
              {NAV_ENTRIES.filter((entry) => entry.shows?.(session) ?? true).map((entry) => (
                <li key={entry.to}>
                  <NavLink to={entry.to} end={entry.end}>
                    {t(entry.label)}
                  </NavLink>
                </li>
              ))}
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
        <UnitSectionsContext.Provider value={UNIT_SECTIONS}>
          <Outlet />
        </UnitSectionsContext.Provider>
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
