/**
 * `npm run admin:create -- --login <e-mail or phone> [--name "<name>"]`: creates the first
 * national administrator of a platform started without demo data (DEMO_DATA=false), in the
 * database named by DATABASE_URL or in PGlite in DATA_DIR (stop `npm start` first).
 *
 * The password is never a command-line argument (it would stay in the shell's history and in
 * the process list): it is asked twice, without echo, on a terminal, or read from the first
 * line of standard input (`printf '%s\n' "$PASSWORD" | npm run admin:create -- --login …`).
 * Exit codes: 0 created, 1 refused (login taken, weak password), 2 wrong use.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createFirstAdministrator, type AccessContext } from '../modules/access/index.ts';
import { modules } from '../modules.ts';
import { cliActor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { wireModules } from '../platform/wiring.ts';
import { openPreparedDatabase } from './open-database.ts';
import os from 'node:os';

const USAGE = `Usage: npm run admin:create -- --login <e-mail or phone> [--name "<name>"]
The password is asked on the terminal, or read from the first line of standard input.
`;

/** Asks on the terminal without showing what is typed. */
async function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const prompt = readline.createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      prompt.question(question, (answer) => {
        process.stderr.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  } finally {
    prompt.close();
  }
}

async function readPassword(): Promise<string | null> {
  if (process.stdin.isTTY) {
    const first = await ask('Password: ');
    const again = await ask('Password again: ');
    if (first !== again) {
      process.stderr.write('The two passwords differ: nothing was created.\n');
      return null;
    }
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) text += (chunk as Buffer).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  let values: { login?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { login: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.login) {
    process.stderr.write(`Give --login.\n${USAGE}`);
    return 2;
  }
  const password = await readPassword();
  if (password === null) return 1;
  const db = await openPreparedDatabase();
  try {
    const access = wireModules(db.kysely, modules).contextOf('access') as AccessContext;
    const created = await createFirstAdministrator(access, cliActor(`cli:${os.userInfo().username}`), {
      login: values.login,
      displayName: values.name ?? '',
      password,
    });
    process.stdout.write(`Created national administrator ${created.login} (account ${created.userId}).\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
