/**
 * A citizen deletes their own account, confirming with their password: their name and phone
 * number are cleared; what they filed stays with the office. Officers' accounts are closed by
 * their administrator, so the section shows only to a citizen.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PasswordInput } from '../../components/password-input.tsx';
import { useDeleteOwnAccount } from './api.ts';
import './i18n.ts';

export function DeleteAccountSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteOwnAccount();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(password, {
      onSuccess: () => void navigate('/?deleted=1', { replace: true }),
      onError: () => setPassword(''),
    });
  };

  return (
    <section aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('access.delete.title')}</h2>
      <p>{t('access.delete.lead')}</p>
      {open ? (
        <form className="form" onSubmit={submit}>
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          <PasswordInput
            label={t('access.delete.password')}
            name="deletePassword"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
          />
          <div className="delete-account__actions">
            <button type="submit" className="button button--danger" disabled={remove.isPending}>
              {t('access.delete.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('access.delete.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('access.delete.button')}
        </button>
      )}
    </section>
  );
}
