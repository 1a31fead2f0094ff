/**
 * A date the way a Cambodian clerk writes it: typed as day/month/year (Khmer or Latin digits,
 * or ISO), or picked from a calendar that speaks Khmer (month names, Khmer digits when the
 * reader has them). The browser's own date input shows `mm/dd/yyyy` and the browser's language,
 * whatever the page's. The value given and received is ISO (`2026-11-20`) or '' while the text
 * is not a whole date; the date is said back in words under the input.
 *
 * The calendar (react-day-picker, with date-fns' Khmer locale) loads only when opened, so pages
 * pay nothing for it until someone asks for it.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, typedDate } from '../lib/dates.ts';
import { useFormat } from '../lib/use-format.ts';

const DateCalendar = lazy(() => import('./date-calendar.tsx'));

export interface DateInputProps {
  id?: string;
  name: string;
  /** ISO date, or '' for none. */
  value: string;
  onValue: (iso: string) => void;
  /** ISO bounds, inclusive. */
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** What is wrong with the text typed, if anything: not a date, or outside the bounds. */
export function dateProblem(text: string, min?: string, max?: string): 'invalid' | 'range' | null {
  if (text.trim() === '') return null;
  const iso = parseTypedDate(text);
  if (iso === null) return 'invalid';
  if ((min && iso < min) || (max && iso > max)) return 'range';
  return null;
}

export function DateInput(props: DateInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const generatedId = useId();
  const id = props.id ?? generatedId;
  const calendarId = `${id}-calendar`;
  const wordsId = `${id}-words`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => (props.value ? typedDate(props.value, format) : ''));
  const [open, setOpen] = useState(false);

  // A value set from outside (a default, a reset, a pick) replaces the text; typing does not.
  // Adjusted while rendering, as React advises for state that follows a prop.
  const [seenValue, setSeenValue] = useState(props.value);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    if ((parseTypedDate(text) ?? '') !== props.value)
      setText(props.value ? typedDate(props.value, format) : '');
  }

  // The form's own check (forms that let the browser validate) hears about a wrong date too.
  const problem = dateProblem(text, props.min, props.max);
  const range = {
    min: props.min ? format.date(props.min) : '…',
    max: props.max ? format.date(props.max) : '…',
  };
  const message =
    problem === 'invalid' ? t('date.invalid') : problem === 'range' ? t('date.range', range) : '';
  useEffect(() => {
    input.current?.setCustomValidity(message);
  }, [message]);

  const describedBy = [props['aria-describedby'], wordsId].filter(Boolean).join(' ');
  const pick = (iso: string) => {
    setText(typedDate(iso, format));
    props.onValue(iso);
    setOpen(false);
    input.current?.focus();
  };

  return (
    <div className="date-input">
      <div className="date-input__row">
        <input
          ref={input}
          id={id}
          name={props.name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.placeholder')}
          value={text}
          required={props.required}
          disabled={props.disabled}
          aria-describedby={describedBy}
          aria-invalid={props['aria-invalid'] || problem !== null || undefined}
          onChange={(event) => {
            setText(event.target.value);
            props.onValue(parseTypedDate(event.target.value) ?? '');
          }}
          onBlur={() => {
            const iso = parseTypedDate(text);
            if (iso) setText(typedDate(iso, format));
          }}
        />
        <button
          type="button"
          className="button button--secondary date-input__toggle"
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          disabled={props.disabled}
          onClick={() => setOpen(!open)}
        >
          {open ? t('date.close') : t('date.choose')}
        </button>
      </div>
      <p id={wordsId} className="hint date-input__words" aria-live="polite">
        {problem ? (
          <span className="field-error">{message}</span>
        ) : props.value ? (
          format.date(props.value)
        ) : (
          t('date.format')
        )}
      </p>
      {open ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <DateCalendar
            id={calendarId}
            value={props.value}
            min={props.min}
            max={props.max}
            lang={format.lang}
            khmerDigits={format.khmerDigits}
            onPick={pick}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
