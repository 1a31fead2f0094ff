import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PasswordInput } from '../../components/password-input.tsx';
import { useSession } from '../../lib/session.ts';
import { useChangeOwnPassword } from './api.ts';

export const PASSWORD_MIN_LENGTH = 10;

interface PasswordFormProps {
  onDone?: () => void;
}

/** Change one's own password: the current one, then the new one twice. */
export function PasswordForm({ onDone }: PasswordFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = useChangeOwnPassword();
  const { user } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setRepeat('');
          onDone?.();
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t('password.formLabel')}>
      {mismatch ? (
        <div className="error-message" role="alert">
          <p>{t('password.mismatch')}</p>
        </div>
      ) : change.isError ? (
        <ErrorMessage error={change.error} />
      ) : change.isSuccess ? (
        <p className="success-message" role="status">
          {t('password.changed')}
        </p>
      ) : null}
      {/* Lets password managers file the new password under the right account. */}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={user?.email ?? user?.phone ?? ''}
        readOnly
        hidden
      />
      <PasswordInput
        label={t('password.current')}
        name="current-password"
        value={currentPassword}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PasswordInput
        label={t('password.new')}
        name="new-password"
        hint={t('password.rules', { min: format.number(PASSWORD_MIN_LENGTH) })}
        value={newPassword}
        onChange={setNew}
        autoComplete="new-password"
      />
      <PasswordInput
        label={t('password.repeat')}
        name="repeat-password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <button type="submit" className="button" disabled={change.isPending}>
        {t('password.submit')}
      </button>
    </form>
  );
}
