/**
 * Rating a closed application, 1 to 5 with a comment, once. Without signing in, the person
 * proves the application is theirs with the phone number it was filed with (the API's rule).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiForm } from '../../components/api-form.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { InputField, TextAreaField } from '../../components/fields.tsx';
import { useRate } from './api.ts';

const STARS = [1, 2, 3, 4, 5] as const;
const STAR_KEYS: Record<number, string> = {
  1: 'services.rating.1',
  2: 'services.rating.2',
  3: 'services.rating.3',
  4: 'services.rating.4',
  5: 'services.rating.5',
};

export function RatingForm({ number }: { number: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRate(number);
  const id = useId();
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [phone, setPhone] = useState('');
  const [starsMissing, setStarsMissing] = useState(false);

  const submit = () => {
    if (stars === null) {
      setStarsMissing(true);
      return;
    }
    setStarsMissing(false);
    rate.mutate({
      stars,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    });
  };

  return (
    <ApiForm
      className="form svc-rating-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      pending={rate.isPending}
      error={rate.isError ? rate.error : null}
      submitLabel={t('services.rating.submit')}
    >
      <h3 id={`${id}-title`}>{t('services.rating.title')}</h3>
      <fieldset className="svc-stars" aria-describedby={starsMissing ? `${id}-missing` : undefined}>
        <legend>{t('services.rating.question')}</legend>
        {starsMissing ? (
          <p id={`${id}-missing`} className="field-error">
            {t('services.rating.choose')}
          </p>
        ) : null}
        {STARS.map((value) => (
          <label key={value} className="svc-stars__option">
            <input
              type="radio"
              name="stars"
              value={value}
              checked={stars === value}
              onChange={() => setStars(value)}
            />
            <span>
              {format.number(value)} – {t(STAR_KEYS[value] ?? '')}
            </span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('services.rating.comment')}
        name="comment"
        rows={3}
        maxLength={1000}
        value={comment}
        onValue={setComment}
      />
      <InputField
        label={t('services.rating.phone')}
        hint={t('services.rating.phoneHint')}
        name="phone"
        type="tel"
        inputMode="tel"
        maxLength={30}
        autoComplete="tel"
        value={phone}
        onValue={setPhone}
      />
    </ApiForm>
  );
}
