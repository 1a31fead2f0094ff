import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useSession, useSignOut } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AssignmentList } from './assignment-list.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { PasswordForm } from './password-form.tsx';
import { TokensSection } from './tokens-section.tsx';
import './access.css';

export function AccountPage() {
  return (
    <RequireSession>
      <Account />
    </RequireSession>
  );
}

function Account() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('account.title'));
  const { user } = useSession();
  if (!user) return null;
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="details">
          <dt>{t('user.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('user.email')}</dt>
          <dd>{user.email ?? t('audit.value.none')}</dd>
          <dt>{t('user.phone')}</dt>
          <dd>{user.phone ?? t('audit.value.none')}</dd>
          <dt>{t('user.homeUnit')}</dt>
          <dd>
            <UnitName code={user.homeUnitCode} />
          </dd>
          <dt>{t('user.createdAt')}</dt>
          <dd>{format.date(user.createdAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="my-roles-title">
        <h2 id="my-roles-title">{t('account.roles')}</h2>
        <AssignmentList assignments={user.assignments} />
      </section>
      <section aria-labelledby="my-password-title">
        <h2 id="my-password-title">{t('password.title')}</h2>
        <PasswordForm />
      </section>
      <TokensSection />
      <SignOutEverywhere />
      {/* Only a citizen's own account is deleted here (officers' are closed by an administrator). */}
      {user.assignments.length > 0 && user.assignments.every((a) => a.roleCode === 'citizen') ? (
        <DeleteAccountSection />
      ) : null}
    </div>
  );
}

/** For a lost phone or a shared computer: every session ends and every token is revoked. */
function SignOutEverywhere() {
  const { t } = useTranslation();
  const signOut = useSignOut({ everywhere: true });
  return (
    <section aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
      <p>{t('account.everywhere.lead')}</p>
      <ConfirmButton
        label={t('account.everywhere.button')}
        question={t('account.everywhere.question')}
        confirmLabel={t('account.everywhere.confirm')}
        disabled={signOut.isPending}
        onConfirm={() => signOut.mutate()}
      />
      {signOut.isError ? <ErrorMessage error={signOut.error} /> : null}
    </section>
  );
}
