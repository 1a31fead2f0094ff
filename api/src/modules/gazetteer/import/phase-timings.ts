/**
 * Where the time of an import goes, phase by phase (read, validate, compare, each table
 * written, search keys, audit, commit): filled when the caller hands a map in
 * (`ImportRequest.timings`), as the benchmark does to print them; costs nothing otherwise.
 */
export type PhaseTimings = Map<string, number>;

/** Runs `work`, adding its wall-clock milliseconds to `phase` (a phase may be timed in pieces). */
export async function timed<T>(
  timings: PhaseTimings | undefined,
  phase: string,
  work: () => Promise<T> | T,
): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.set(phase, (timings.get(phase) ?? 0) + performance.now() - started);
  }
}
