import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { PasswordInput } from '../../components/password-input.tsx';
import { CHANGE_PASSWORD_PATH } from '../../components/require-session.tsx';
import { safeNext, useSession, useSignIn } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { InputField } from '../../components/fields.tsx';
import { useNationalSignIn } from './api.ts';
import './access.css';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const national = useNationalSignIn();
  // A national sign-in that was refused comes back here with its code.
  const returnedError = params.get('error');
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  // Already signed in (a bookmark, the back button): nothing to do here.
  if (session.user && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={session.user.mustChangePassword ? CHANGE_PASSWORD_PATH : next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { login: login.trim(), password },
      {
        onSuccess: (answer) => {
          if (answer.user.mustChangePassword) {
            void navigate(`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`, { replace: true });
          } else {
            void navigate(next, { replace: true });
          }
        },
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <section className="page page--narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {returnedError && !signIn.isError ? (
        <ErrorMessage error={new ApiError(returnedError, undefined)} />
      ) : null}
      {national.data?.enabled ? (
        <>
          <p>
            <a
              className="button button--secondary"
              href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
            >
              {t('signIn.national')}
            </a>
          </p>
          <p className="sign-in__or">{t('signIn.or')}</p>
        </>
      ) : null}
      <form className="form" onSubmit={submit} noValidate={false}>
        {signIn.isError ? <ErrorMessage error={signIn.error} /> : null}
        <InputField
          label={t('signIn.login')}
          hint={t('signIn.loginHint')}
          name="login"
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          value={login}
          onValue={setLogin}
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <ul className="sign-in__more">
        <li>
          <Link to="/sign-in/recover">{t('signIn.forgot')}</Link>
        </li>
        <li>
          {t('signIn.noAccount')}{' '}
          <Link to={`/sign-up${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
            {t('signIn.signUp')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
