/**
 * The signed-in person's contact and preferred channel: messages about their applications,
 * complaints and meetings come by it (phone first when none is chosen). Khmer and English.
 */
import './i18n.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { usePreferences, useSavePreferences, type Preferences } from './api.ts';

const CHANNELS = ['sms', 'telegram', 'email'] as const;
type Channel = (typeof CHANNELS)[number];

export function NotificationPreferencesPage() {
  return (
    <RequireSession>
      <PreferencesForm />
    </RequireSession>
  );
}

function PreferencesForm() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const preferences = usePreferences();
  return (
    <section className="page" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notifications.title')}</h1>
      <p>{t('notifications.lead')}</p>
      {preferences.isError ? <ErrorMessage error={preferences.error} /> : null}
      {preferences.data ? <Form loaded={preferences.data} /> : null}
    </section>
  );
}

function Form({ loaded }: { loaded: Preferences }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [channel, setChannel] = useState<Channel | ''>(loaded.channel ?? '');
  const [phone, setPhone] = useState(loaded.phone ?? '');
  const [email, setEmail] = useState(loaded.email ?? '');
  const [telegram, setTelegram] = useState(loaded.telegramChatId ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
    save.mutate({
      channel: channel === '' ? null : channel,
      phone: orNull(phone),
      email: orNull(email),
      telegramChatId: orNull(telegram),
    });
  };

  const label = (name: Channel) => {
    const text = t(`notifications.channel.${name}`);
    return !loaded.channelsOn.includes(name) ? t('notifications.channel.off', { channel: text }) : text;
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="notifications-title">
      {save.isError ? (
        <ErrorMessage error={save.error} />
      ) : save.isSuccess ? (
        <p className="success-message" role="status">
          {t('notifications.saved')}
        </p>
      ) : null}
      <SelectField
        label={t('notifications.channel')}
        name="channel"
        value={channel}
        onValue={(value) => setChannel(value as Channel | '')}
      >
        <option value="">{t('notifications.channel.default')}</option>
        {CHANNELS.map((name) => (
          <option key={name} value={name}>
            {label(name)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('notifications.phone')}
        hint={t('notifications.phone.hint')}
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={30}
        value={phone}
        onValue={setPhone}
      />
      <InputField
        label={t('notifications.email')}
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        value={email}
        onValue={setEmail}
      />
      <InputField
        label={t('notifications.telegram')}
        hint={t('notifications.telegram.hint')}
        name="telegram"
        type="text"
        maxLength={64}
        value={telegram}
        onValue={setTelegram}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('notifications.save')}
      </button>
    </form>
  );
}
