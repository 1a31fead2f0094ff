import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PasswordInput } from '../../components/password-input.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { InputField } from '../../components/fields.tsx';
import { useCreateUser } from './api.ts';
import { PASSWORD_MIN_LENGTH } from './password-form.tsx';
import './access.css';

export function NewUserPage() {
  return (
    <RequireSession permission="access.user.manage">
      <NewUser />
    </RequireSession>
  );
}

function NewUser() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('newUser.title'));
  const session = useSession();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [unit, setUnit] = useState<UnitChoice>(undefined);
  const [password, setPassword] = useState('');
  const [unitMissing, setUnitMissing] = useState(false);
  const loginHintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unit === undefined) {
      setUnitMissing(true);
      return;
    }
    setUnitMissing(false);
    create.mutate(
      {
        displayName: displayName.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        homeUnitCode: unit,
        password,
      },
      { onSuccess: (user) => void navigate(`/admin/users/${user.id}`) },
    );
  };

  return (
    <section className="page page--narrow" aria-labelledby="new-user-title">
      <p>
        <Link to="/admin/users">{t('users.back')}</Link>
      </p>
      <h1 id="new-user-title">{t('newUser.title')}</h1>
      <p>{t('newUser.intro')}</p>
      <form className="form" onSubmit={submit}>
        {unitMissing ? (
          <div className="error-message" role="alert">
            <p>{t('newUser.unitMissing')}</p>
          </div>
        ) : create.isError ? (
          <ErrorMessage error={create.error} />
        ) : null}
        <InputField
          label={t('user.displayName')}
          name="displayName"
          type="text"
          required
          maxLength={200}
          autoComplete="off"
          value={displayName}
          onValue={setDisplayName}
        />
        <p id={loginHintId} className="hint">
          {t('newUser.loginHint')}
        </p>
        <InputField
          label={t('user.email')}
          name="email"
          type="email"
          autoComplete="off"
          maxLength={254}
          aria-describedby={loginHintId}
          value={email}
          onValue={setEmail}
        />
        <InputField
          label={t('user.phone')}
          name="phone"
          type="tel"
          autoComplete="off"
          maxLength={30}
          aria-describedby={loginHintId}
          value={phone}
          onValue={setPhone}
        />
        <UnitPicker
          legend={t('user.homeUnit')}
          value={unit}
          onChange={setUnit}
          required
          allowNational={session.canNationally('access.user.manage')}
          limitTo={session.unitsWhere('access.user.manage')}
        />
        <PasswordInput
          label={t('newUser.password')}
          name="password"
          hint={t('newUser.passwordHint', { min: format.number(PASSWORD_MIN_LENGTH) })}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('newUser.submit')}
        </button>
      </form>
    </section>
  );
}
