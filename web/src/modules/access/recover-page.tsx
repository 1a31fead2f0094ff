/**
 * A citizen who forgot their password sets a new one with a code sent by SMS to their number.
 * The page says the same whether or not the number has an account; officers ask their
 * administrator.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordInput } from '../../components/password-input.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useRecoverPassword } from './api.ts';
import { PhoneCodeForm } from './phone-code-form.tsx';
import './access.css';
import './i18n.ts';

export function RecoverPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('access.recover.title'));
  const recover = useRecoverPassword();
  const [password, setPassword] = useState('');

  return (
    <section className="page page--narrow" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('access.recover.title')}</h1>
      {recover.isSuccess ? (
        <>
          <p role="status">{t('access.recover.done')}</p>
          <p>
            <Link className="button" to="/sign-in">
              {t('access.signUp.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('access.recover.intro')}</p>
          <PhoneCodeForm
            purpose="recovery"
            submitLabel={recover.isPending ? t('access.recover.submitting') : t('access.recover.submit')}
            submitting={recover.isPending}
            error={recover.error}
            onSubmit={({ phone, code }) => recover.mutate({ phone, code, newPassword: password })}
            fields={
              <PasswordInput
                label={t('access.recover.password')}
                hint={t('access.signUp.passwordHint')}
                name="newPassword"
                value={password}
                onChange={setPassword}
                autoComplete="new-password"
              />
            }
          />
        </>
      )}
    </section>
  );
}
