/**
 * `npm run transfers -- allocate --formula <file.json> --inputs <file.csv> [--json] …`: computes
 * a transfer allocation from files alone, without a database (see
 * api/src/modules/transfers/engine/allocate-cli.ts for the options).
 */
import { runAllocate, USAGE } from '../modules/transfers/index.ts';

const COMMANDS: Record<string, (args: string[]) => number> = {
  allocate: (args) => runAllocate(args),
};

const [command, ...rest] = process.argv.slice(2);
// Asked for: the usage on stdout, and success.
if (command === 'help' || process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const run = command ? COMMANDS[command] : undefined;
if (!run) {
  process.stderr.write(USAGE);
  process.exit(2);
}
process.exitCode = run(rest);
