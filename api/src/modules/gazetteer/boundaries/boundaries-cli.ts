/** `npm run import -- boundaries <file>`; returns the exit code. */
export async function runBoundariesImport(args: string[]): Promise<number> {
  process.stderr.write(`boundaries import is not available yet (${args.length} argument(s))\n`);
  return 2;
}
