import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../lib/session.ts';
import { ErrorMessage } from './error-message.tsx';

export const CHANGE_PASSWORD_PATH = '/account/password';

interface RequireSessionProps {
  /** A permission the user must hold at some unit to see the page. */
  permission?: string;
  children: ReactNode;
}

/**
 * Guards a page: signed-out visitors go to the sign-in page (and come back after), people who
 * must change their password go to that form first, and a missing permission says so.
 */
export function RequireSession({ permission, children }: RequireSessionProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;

  if (session.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('common.loading')}
      </p>
    );
  }
  if (session.status === 'error') {
    return <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.user) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  if (session.user.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(here)}`} replace />;
  }
  if (permission && !session.can(permission)) {
    return (
      <section className="page" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('access.forbidden.title')}</h1>
        <p>{t('errors.auth.forbidden')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
