/**
 * The one clock of the platform. Cambodia has one time zone (UTC+07:00, no daylight saving),
 * and the dates people work with (a filing's day, a member's term, a budget's approval) are
 * Cambodian calendar days, whatever the server's own zone is.
 */
const CAMBODIA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Phnom_Penh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Cambodia, as YYYY-MM-DD. */
export function todayInCambodia(now: Date = new Date()): string {
  return CAMBODIA_DAY.format(now);
}

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today in Cambodia, as YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayInCambodia(),
};
