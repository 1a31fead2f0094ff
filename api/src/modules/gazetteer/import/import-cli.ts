/** `npm run import -- gazetteer <file>... [--dry-run] [--json]`; returns the exit code. */
export async function runGazetteerImport(args: string[]): Promise<number> {
  process.stderr.write(`gazetteer import is not available yet (${args.length} argument(s))\n`);
  return 2;
}
