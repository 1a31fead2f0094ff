/**
 * The calendar of DateInput, in its own chunk: react-day-picker with date-fns' Khmer or British
 * English locale (day-month order, weeks from Monday as Cambodian calendars print them), Khmer
 * digits when the reader has them, and month and year lists to reach a birth date quickly.
 */
import { DayPicker } from 'react-day-picker';
import { enGB, km } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { isoOfLocal, localDate } from '../lib/dates.ts';
import type { Language } from '../lib/lang.ts';

interface DateCalendarProps {
  id: string;
  value: string;
  min?: string;
  max?: string;
  lang: Language;
  khmerDigits: boolean;
  onPick: (iso: string) => void;
}

const YEARS_BACK = 100;
const YEARS_AHEAD = 10;

export default function DateCalendar({ id, value, min, max, lang, khmerDigits, onPick }: DateCalendarProps) {
  const selected = localDate(value) ?? undefined;
  const first = (min && localDate(min)) || null;
  const last = (max && localDate(max)) || null;
  const now = new Date();
  const disabled = [...(first ? [{ before: first }] : []), ...(last ? [{ after: last }] : [])];
  return (
    <div className="date-input__calendar">
      <DayPicker
        id={id}
        mode="single"
        selected={selected}
        onSelect={(day) => {
          if (day) onPick(isoOfLocal(day));
        }}
        defaultMonth={selected ?? last ?? first ?? now}
        startMonth={first ?? new Date(now.getFullYear() - YEARS_BACK, 0)}
        endMonth={last ?? new Date(now.getFullYear() + YEARS_AHEAD, 11)}
        captionLayout="dropdown"
        disabled={disabled}
        locale={lang === 'km' ? km : enGB}
        numerals={khmerDigits ? 'khmr' : 'latn'}
        weekStartsOn={1}
        lang={lang}
      />
    </div>
  );
}
