/**
 * Officers: the messages sent to citizens about cases in their scope (the notifications
 * module's outbox), newest first, with a filter by case number, and how each was delivered:
 * sent by which channel, waiting, retried after a failure, failed, or reaching nobody.
 */
import './i18n.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { READ_OUTBOX, useOutbox } from './api.ts';
import { OfficeLinks } from './applications-page.tsx';
import { cleanTrackingInput, formatTrackingNumber } from './tracking.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import './services.css';
import { pageParam } from '../../lib/page-param.ts';
import { InputField } from '../../components/fields.tsx';

export function OutboxPage() {
  return (
    <RequireSession permission={READ_OUTBOX}>
      <Outbox />
    </RequireSession>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.outbox.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const number = params.get('number') ?? '';
  const [text, setText] = useState(number);
  const outbox = useOutbox(page, number);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = cleanTrackingInput(text);
    setParams(cleaned ? { number: cleaned } : {});
  };

  return (
    <section className="page svc-page" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('services.outbox.title')}</h1>
      <OfficeLinks />
      <p>{t('services.outbox.intro')}</p>
      <form className="filters" onSubmit={submit} role="search">
        <InputField
          label={t('services.number.label')}
          name="number"
          type="text"
          maxLength={20}
          value={text}
          onValue={setText}
        />
        <div className="field">
          <button type="submit" className="button">
            {t('services.catalogue.search')}
          </button>
        </div>
      </form>
      <PagedTable
        className="svc-table"
        list={outbox}
        empty={t('services.outbox.empty')}
        headers={[
          t('services.outbox.when'),
          t('services.number.label'),
          t('services.outbox.to'),
          t('services.outbox.message'),
          t('services.outbox.sent'),
        ]}
        row={(message) => (
          <tr key={message.id} data-number={message.trackingNumber} data-status={message.status}>
            <td>{format.dateTime(message.createdAt)}</td>
            <th scope="row" className="code">
              {formatTrackingNumber(message.trackingNumber)}
            </th>
            <td className="code">{message.recipientPhone ?? message.recipientEmail ?? '—'}</td>
            <td>{format.lang === 'km' ? message.textKm : message.textEn}</td>
            <td data-delivery={message.deliveryState}>
              {message.deliveryState === 'sent' && message.sentAt
                ? t('services.outbox.sentBy', {
                    when: format.dateTime(message.sentAt),
                    channel: message.channel ? t(`services.outbox.channel.${message.channel}`) : '—',
                  })
                : message.deliveryState === 'pending' && message.attempts > 0 && message.nextAttemptAt
                  ? t('services.outbox.retrying', {
                      error: message.deliveryError ?? '',
                      when: format.dateTime(message.nextAttemptAt),
                    })
                  : message.deliveryState === 'undeliverable'
                    ? t('services.outbox.undeliverable')
                    : message.deliveryError
                      ? t('services.outbox.failed', { error: message.deliveryError })
                      : t('services.outbox.waiting')}
            </td>
          </tr>
        )}
        onPage={(p) => {
          const next = new URLSearchParams(params);
          if (p > 1) next.set('page', String(p));
          else next.delete('page');
          setParams(next);
        }}
      />
    </section>
  );
}
