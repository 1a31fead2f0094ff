/**
 * The two steps both sign-up and password recovery take: a phone number, to which a code is
 * sent by SMS; then the code, with what the page asks besides (a name and a password, or a new
 * password). Errors are shown above the form and take the focus, so a phone reader sees them.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { InputField } from '../../components/fields.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useRequestCode } from './api.ts';
import './i18n.ts';

interface PhoneCodeFormProps {
  purpose: 'sign-up' | 'recovery';
  /** What the second step asks besides the code. */
  fields: ReactNode;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (input: { phone: string; code: string }) => void;
}

export function PhoneCodeForm({
  purpose,
  fields,
  submitLabel,
  submitting,
  error,
  onSubmit,
}: PhoneCodeFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const request = useRequestCode(purpose);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const shownError = sentTo ? error : request.error;

  useEffect(() => {
    if (shownError) errorRef.current?.focus();
  }, [shownError]);

  const askCode = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(phone.trim(), { onSuccess: () => setSentTo(phone.trim()) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ phone: sentTo ?? phone, code: code.trim() });
  };

  return (
    <>
      <div ref={errorRef} tabIndex={-1} className="phone-code__errors">
        {shownError ? <ErrorMessage error={shownError} /> : null}
      </div>
      {sentTo === null ? (
        <form className="form" onSubmit={askCode} data-step="phone">
          <InputField
            label={t('access.phone.label')}
            hint={t('access.phone.hint')}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={phone}
            onValue={setPhone}
          />
          <button type="submit" className="button" disabled={request.isPending}>
            {request.isPending ? t('access.code.sending') : t('access.code.send')}
          </button>
        </form>
      ) : (
        <form className="form" onSubmit={submit} data-step="code">
          <p role="status" className="phone-code__sent">
            {t(purpose === 'sign-up' ? 'access.code.sentSignUp' : 'access.code.sentRecovery', {
              phone: format.digits(sentTo),
              minutes: format.number(10),
            })}
          </p>
          <InputField
            label={t('access.code.label')}
            hint={t('access.code.hint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={20}
            required
            value={code}
            onValue={setCode}
          />
          {fields}
          <button type="submit" className="button" disabled={submitting}>
            {submitLabel}
          </button>
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSentTo(null);
                setCode('');
                request.reset();
              }}
            >
              {t('access.code.again')}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
