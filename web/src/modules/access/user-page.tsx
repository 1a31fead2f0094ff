import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PasswordInput } from '../../components/password-input.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  useGrantRole,
  useResetPassword,
  useRevokeAssignment,
  useRoles,
  useUpdateUser,
  useUser,
  type Role,
} from './api.ts';
import { AssignmentList } from './assignment-list.tsx';
import { PASSWORD_MIN_LENGTH } from './password-form.tsx';
import { Loading } from '../../components/query-states.tsx';
import { SelectField } from '../../components/fields.tsx';
import './access.css';

export function UserPage() {
  return (
    <RequireSession permission="access.user.read">
      <UserDetails />
    </RequireSession>
  );
}

function UserDetails() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const session = useSession();
  const user = useUser(id);
  const roles = useRoles();
  const update = useUpdateUser(id);
  const revoke = useRevokeAssignment();
  useDocumentTitle(user.data?.displayName ?? t('user.title'));

  if (!Number.isInteger(id) || id < 1) {
    return <ErrorMessage error={new ApiError('access.user.not_found', 404)} />;
  }
  if (user.isPending) {
    return <Loading />;
  }
  if (user.isError) {
    return (
      <section className="page">
        <p>
          <Link to="/admin/users">{t('users.back')}</Link>
        </p>
        <ErrorMessage error={user.error} onRetry={() => void user.refetch()} />
      </section>
    );
  }
  const account = user.data;
  const canManage = session.can('access.user.manage');
  const canAssign = session.can('access.assignment.manage');
  const roleName = (code: string) => {
    const role = roles.data?.items.find((r) => r.code === code);
    if (!role) return code;
    return format.lang === 'km' ? role.nameKm : role.nameEn;
  };
  const formatValue = (field: string, value: unknown): ReactNode | undefined => {
    if ((field === 'homeUnitCode' || field === 'unitCode') && typeof value === 'string') {
      return <UnitName code={value} />;
    }
    if (field === 'roleCode' && typeof value === 'string') return roleName(value);
    return undefined;
  };

  return (
    <div className="page">
      <p>
        <Link to="/admin/users">{t('users.back')}</Link>
      </p>
      <h1>{account.displayName}</h1>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('user.details')}</h2>
        <dl className="details">
          <dt>{t('user.email')}</dt>
          <dd>{account.email ?? t('audit.value.none')}</dd>
          <dt>{t('user.phone')}</dt>
          <dd>{account.phone ?? t('audit.value.none')}</dd>
          <dt>{t('user.homeUnit')}</dt>
          <dd>
            <UnitName code={account.homeUnitCode} />
          </dd>
          <dt>{t('user.status')}</dt>
          <dd data-testid="user-status">{account.isActive ? t('user.active') : t('user.disabled')}</dd>
          <dt>{t('user.mustChangePassword')}</dt>
          <dd>{account.mustChangePassword ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('user.createdAt')}</dt>
          <dd>{format.dateTime(account.createdAt)}</dd>
        </dl>
        {canManage && account.id !== session.user?.id ? (
          <p>
            {update.isError ? <ErrorMessage error={update.error} /> : null}
            {account.isActive ? (
              <ConfirmButton
                label={t('user.disable')}
                question={t('user.disableQuestion')}
                confirmLabel={t('user.disableConfirm')}
                disabled={update.isPending}
                onConfirm={() => update.mutate({ isActive: false })}
              />
            ) : (
              <button
                type="button"
                className="button"
                disabled={update.isPending}
                onClick={() => update.mutate({ isActive: true })}
              >
                {t('user.enable')}
              </button>
            )}
          </p>
        ) : null}
      </section>

      {canManage ? <ResetPassword userId={account.id} /> : null}

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('assignments.title')}</h2>
        {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
        <AssignmentList
          assignments={account.assignments}
          action={
            canAssign
              ? (assignment) => (
                  <ConfirmButton
                    label={t('assignments.revoke')}
                    question={t('assignments.revokeQuestion')}
                    confirmLabel={t('assignments.revokeConfirm')}
                    disabled={revoke.isPending}
                    onConfirm={() => revoke.mutate(assignment.id)}
                  />
                )
              : undefined
          }
        />
        {canAssign ? <GrantForm userId={account.id} roles={roles.data?.items ?? []} /> : null}
      </section>

      {session.can('audit.record.read') ? (
        <RecordHistory
          entityType="access.user"
          entityId={String(account.id)}
          related={account.assignments.map((a) => ({
            entityType: 'access.assignment',
            entityId: String(a.id),
          }))}
          formatValue={formatValue}
        />
      ) : null}
    </div>
  );
}

function ResetPassword({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reset = useResetPassword(userId);
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(password, { onSuccess: () => setPassword('') });
  };
  return (
    <section aria-labelledby="reset-title">
      <h2 id="reset-title">{t('reset.title')}</h2>
      <p>{t('reset.intro')}</p>
      <form className="form" onSubmit={submit}>
        {reset.isError ? (
          <ErrorMessage error={reset.error} />
        ) : reset.isSuccess ? (
          <p className="success-message" role="status">
            {t('reset.done')}
          </p>
        ) : null}
        <PasswordInput
          label={t('reset.newPassword')}
          hint={t('password.rules', { min: format.number(PASSWORD_MIN_LENGTH) })}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={reset.isPending}>
          {t('reset.submit')}
        </button>
      </form>
    </section>
  );
}

/** Where a role may be given: national only, one level of the tree, or anywhere. */
function levelOf(role: Role | undefined): 'root' | 1 | 2 | 3 | 'any' {
  if (!role) return 'any';
  if (role.assignableAt === '1') return 1;
  if (role.assignableAt === '2') return 2;
  if (role.assignableAt === '3') return 3;
  return role.assignableAt === 'root' ? 'root' : 'any';
}

function GrantForm({ userId, roles }: { userId: number; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const grant = useGrantRole(userId);
  const [roleCode, setRoleCode] = useState('');
  const [unit, setUnit] = useState<UnitChoice>(undefined);
  const [unitMissing, setUnitMissing] = useState(false);
  const role = roles.find((r) => r.code === roleCode);
  const level = levelOf(role);
  const national = session.canNationally('access.assignment.manage');

  const levelHint =
    level === 'root'
      ? t('grant.atNational')
      : level === 1
        ? t('grant.atLevel1')
        : level === 2
          ? t('grant.atLevel2')
          : level === 3
            ? t('grant.atLevel3')
            : t('grant.atAny');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unitCode = level === 'root' ? null : unit;
    if (unitCode === undefined) {
      setUnitMissing(true);
      return;
    }
    setUnitMissing(false);
    grant.mutate(
      { roleCode, unitCode },
      {
        onSuccess: () => {
          setRoleCode('');
          setUnit(undefined);
        },
      },
    );
  };

  return (
    <>
      <h3>{t('grant.title')}</h3>
      <form className="form" onSubmit={submit}>
        {unitMissing ? (
          <div className="error-message" role="alert">
            <p>{t('grant.unitMissing')}</p>
          </div>
        ) : grant.isError ? (
          <ErrorMessage error={grant.error} />
        ) : grant.isSuccess ? (
          <p className="success-message" role="status">
            {t('grant.done')}
          </p>
        ) : null}
        <SelectField
          label={t('grant.role')}
          name="role"
          required
          value={roleCode}
          onChange={(event) => {
            setRoleCode(event.target.value);
            setUnit(undefined);
          }}
        >
          <option value="">{t('unitPicker.choose')}</option>
          {roles.map((r) => (
            <option key={r.code} value={r.code}>
              {format.lang === 'km' ? r.nameKm : r.nameEn}
            </option>
          ))}
        </SelectField>
        {role ? (
          level === 'root' ? (
            <p className="hint">{levelHint}</p>
          ) : (
            <UnitPicker
              legend={t('grant.unit')}
              hint={levelHint}
              value={unit}
              onChange={setUnit}
              required
              maxLevel={level === 'any' ? 4 : level}
              allowNational={level === 'any' && national}
              limitTo={session.unitsWhere('access.assignment.manage')}
            />
          )
        ) : null}
        <button type="submit" className="button" disabled={grant.isPending || !role}>
          {t('grant.submit')}
        </button>
      </form>
    </>
  );
}
