/**
 * Dates of the tree. A date is the text YYYY-MM-DD (as both drivers return a SQL `date`), so
 * dates compare as strings. "Today" is Cambodia's: a change that takes effect on 1 January
 * must show at midnight in Phnom Penh, not seven hours later when UTC turns over.
 */

// Indochina Time, UTC+7 all year round (Cambodia has no daylight saving time).
const CAMBODIA_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Cambodia, YYYY-MM-DD. */
export function todayInCambodia(now: Date = new Date()): string {
  return new Date(now.getTime() + CAMBODIA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The state of the tree a read asks for: a past or present date, or today when no `asOf` is given. */
export interface TreeDate {
  /** The `asOf` of the request; undefined reads today's tree from gazetteer_unit. */
  asOf?: string | undefined;
  /** Today in Cambodia, for the reads without `asOf`. */
  today: string;
}

export function treeDate(asOf: string | undefined, now?: Date): TreeDate {
  return { asOf, today: todayInCambodia(now) };
}
