/**
 * Log and terminal lines people can read: none longer than 2,000 characters, and long lists
 * cut with a count ("… and 1,536 more") rather than printed whole in one line a terminal
 * wraps over pages.
 */
export const MAX_LINE = 2_000;

const count = new Intl.NumberFormat('en-US');

/** A number with thousands separators (16,457). */
export const formatCount = (value: number): string => count.format(value);

/** The line cut to `max` characters, with what was cut said. */
export function cutLine(line: string, max = MAX_LINE): string {
  if (line.length <= max) return line;
  const note = ` … (${formatCount(line.length - max)} more characters)`;
  return `${line.slice(0, Math.max(0, max - note.length))}${note}`;
}

/** The first `shown` items joined, and "… and N more" for the rest; the whole line within `max`. */
export function listWithCount(
  items: readonly string[],
  shown = 20,
  separator = ', ',
  max = MAX_LINE,
): string {
  const more = items.length - shown;
  const head = items.slice(0, shown).join(separator);
  const text = more > 0 ? `${head}${separator}… and ${formatCount(more)} more` : head;
  return cutLine(text, max);
}
