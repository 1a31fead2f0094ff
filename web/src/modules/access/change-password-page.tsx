import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { safeNext, useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PasswordForm } from './password-form.tsx';
import './access.css';

export function ChangePasswordPage() {
  return (
    <RequireSession>
      <ChangePassword />
    </RequireSession>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  useDocumentTitle(t('password.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const forced = session.user?.mustChangePassword ?? false;
  return (
    <section className="page page--narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t('password.title')}</h1>
      {forced ? (
        <p className="notice" role="note">
          {t('password.mustChange')}
        </p>
      ) : null}
      <PasswordForm
        onDone={() => {
          if (forced) void navigate(safeNext(params.get('next')), { replace: true });
        }}
      />
    </section>
  );
}
