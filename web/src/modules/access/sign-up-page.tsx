/**
 * A citizen creates an account with only a phone: the number, the code sent to it by SMS, a
 * name and a password. Then they are signed in and go on where they were going.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { InputField } from '../../components/fields.tsx';
import { PasswordInput } from '../../components/password-input.tsx';
import { safeNext, useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSignUp } from './api.ts';
import { PhoneCodeForm } from './phone-code-form.tsx';
import './access.css';
import './i18n.ts';

export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('access.signUp.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signUp = useSignUp();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  if (session.user && !signUp.isPending && !signUp.isSuccess) return <Navigate to={next} replace />;

  return (
    <section className="page page--narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t('access.signUp.title')}</h1>
      <p>{t('access.signUp.intro')}</p>
      <PhoneCodeForm
        purpose="sign-up"
        submitLabel={signUp.isPending ? t('access.signUp.submitting') : t('access.signUp.submit')}
        submitting={signUp.isPending}
        error={signUp.error}
        onSubmit={({ phone, code }) =>
          signUp.mutate(
            { phone, code, displayName: displayName.trim(), password },
            { onSuccess: () => void navigate(next, { replace: true }) },
          )
        }
        fields={
          <>
            <InputField
              label={t('access.signUp.name')}
              hint={t('access.signUp.nameHint')}
              name="displayName"
              autoComplete="name"
              maxLength={120}
              required
              value={displayName}
              onValue={setDisplayName}
            />
            <PasswordInput
              label={t('access.signUp.password')}
              hint={t('access.signUp.passwordHint')}
              name="password"
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
            />
          </>
        }
      />
      <p>
        {t('access.signUp.haveAccount')}{' '}
        <Link to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
          {t('access.signUp.signIn')}
        </Link>
      </p>
    </section>
  );
}
