/**
 * Classes for a choropleth map: quantile breaks (each class holds about as many regions) and a
 * sequential palette that stays readable for the common forms of colour blindness.
 */

/** ColorBrewer "YlGnBu", 5 classes: light to dark, colour-blind safe and printable. */
export const SEQUENTIAL_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export interface ClassBreaks {
  /** Upper bounds of each class but the last, ascending and distinct. */
  breaks: number[];
  min: number;
  max: number;
}

/** Quantile breaks of the values into at most `count` classes; equal values share one class. */
export function quantileBreaks(values: readonly number[], count = SEQUENTIAL_PALETTE.length): ClassBreaks {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { breaks: [], min: 0, max: 0 };
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const breaks: number[] = [];
  for (let i = 1; i < count; i += 1) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / count))] ?? max;
    // A break at the maximum would leave the last class empty; a repeated break adds nothing.
    if (value < max && (breaks.length === 0 || value > (breaks[breaks.length - 1] ?? -Infinity))) {
      breaks.push(value);
    }
  }
  return { breaks, min, max };
}

/** The class of a value: 0 for the lowest; a value equal to a break falls in the class below it. */
export function classOf(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value > (breaks[index] ?? Infinity)) index += 1;
  return index;
}

/**
 * The [from, to] range each class covers, for the legend. With whole numbers (counts) a class
 * starts one above the previous class's upper bound: "0", "1 to 18" rather than "0 to 18".
 */
export function classRanges({ breaks, min, max }: ClassBreaks, wholeNumbers = false): [number, number][] {
  if (breaks.length === 0) return [[min, max]];
  const ranges: [number, number][] = [];
  let from = min;
  for (const upper of breaks) {
    ranges.push([from, upper]);
    from = wholeNumbers ? upper + 1 : upper;
  }
  ranges.push([from, max]);
  return ranges;
}

/** Picks palette colours spread over the palette when there are fewer classes than colours. */
export function paletteFor(classCount: number, palette: readonly string[] = SEQUENTIAL_PALETTE): string[] {
  if (classCount <= 1) return [palette[Math.floor(palette.length / 2)] ?? '#888888'];
  return Array.from(
    { length: classCount },
    (_, i) => palette[Math.round((i * (palette.length - 1)) / (classCount - 1))] ?? '#888888',
  );
}
