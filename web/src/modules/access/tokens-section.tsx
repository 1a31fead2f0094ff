import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useCreateToken, useRevokeToken, useTokens, type ApiToken } from './api.ts';
import { Loading } from '../../components/query-states.tsx';
import { InputField } from '../../components/fields.tsx';
import { DataTable } from '../../components/data-table.tsx';

const DEFAULT_DAYS = 90;

function tokenStatus(token: ApiToken, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [copied, setCopied] = useState(false);
  const [now] = useState(() => Date.now());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    create.mutate({ name: name.trim(), expiresInDays: Number(days) }, { onSuccess: () => setName('') });
  };

  const copy = (token: string) => {
    navigator.clipboard.writeText(token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>

      {create.isSuccess ? (
        <div className="token-once" role="status">
          <p>
            <strong>{t('tokens.onceWarning')}</strong>
          </p>
          <p>
            <code className="token-value" data-testid="new-token">
              {create.data.token}
            </code>
          </p>
          <button type="button" className="button" onClick={() => copy(create.data.token)}>
            {t('tokens.copy')}
          </button>
          {copied ? <span className="copied"> {t('tokens.copied')}</span> : null}
          <button type="button" className="button button--secondary" onClick={() => create.reset()}>
            {t('tokens.done')}
          </button>
        </div>
      ) : null}

      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorMessage error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <p>{t('tokens.empty')}</p>
      ) : (
        <DataTable
          caption={t('tokens.caption')}
          captionHidden
          columns={[
            { key: 'name', label: t('tokens.col.name'), rowHeader: true, cell: (token) => token.name },
            {
              key: 'prefix',
              label: t('tokens.col.prefix'),
              className: 'code',
              cell: (token) => `${token.prefix}…`,
            },
            { key: 'expires', label: t('tokens.col.expires'), cell: (token) => format.date(token.expiresAt) },
            {
              key: 'lastUsed',
              label: t('tokens.col.lastUsed'),
              cell: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')),
            },
            {
              key: 'status',
              label: t('tokens.col.status'),
              cell: (token) => t(`tokens.status.${tokenStatus(token, now)}`),
            },
            {
              key: 'actions',
              label: t('common.actions'),
              cell: (token) =>
                tokenStatus(token, now) === 'active' ? (
                  <ConfirmButton
                    label={t('tokens.revoke')}
                    question={t('tokens.revokeQuestion', { name: token.name })}
                    confirmLabel={t('tokens.revokeConfirm')}
                    disabled={revoke.isPending}
                    onConfirm={() => revoke.mutate(token.id)}
                  />
                ) : null,
            },
          ]}
          items={tokens.data.items}
          rowKey={(token) => String(token.id)}
        />
      )}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}

      <h3>{t('tokens.createTitle')}</h3>
      <form className="form" onSubmit={submit}>
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <InputField
          label={t('tokens.name')}
          type="text"
          required
          maxLength={100}
          value={name}
          onValue={setName}
        />
        <InputField
          label={t('tokens.days')}
          hint={t('tokens.daysHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={366}
          required
          value={days}
          onValue={setDays}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('tokens.create')}
        </button>
      </form>
    </section>
  );
}
