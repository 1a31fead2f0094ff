/**
 * Runtime configuration, read once from the environment (never from files in the repository:
 * secrets live only in the environment). Every setting has a default that makes
 * `npm start` work on a laptop with nothing else installed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  /** TCP port of the single process that serves the API and the web app. */
  port: number;
  host: string;
  /** Where PGlite keeps its files (and, later, local attachments). */
  dataDir: string;
  /** Absent: embedded PGlite in `dataDir`. Present: PostgreSQL, the system of record. */
  databaseUrl: string | undefined;
  /** Load the project's demo data on first start (the default); `DEMO_DATA=false` in production. */
  demoData: boolean;
  logLevel: string;
  /** Build the web app on start when `web/dist` is missing. */
  buildWebIfMissing: boolean;
  /** Folder holding the built web app. */
  webDistDir: string;
  /** Requests per minute and client address before 429 (a coarse flood guard, per process). */
  rateLimitPerMinute: number;
  /**
   * The proxies in front of the server (addresses or CIDR ranges, TRUST_PROXY=10.0.0.0/8,…).
   * Empty (the default): the socket's address is the client's, whatever X-Forwarded-For says.
   * Otherwise the client is the right-most address of X-Forwarded-For not in the list.
   */
  trustProxy: string[];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, not "${value}"`);
  }
  return port;
}

/** An unset or empty variable takes the default (RATE_LIMIT_PER_MINUTE="" is not a limit of 0). */
function readPositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${name} must be a positive integer, not "${value}"`);
  }
  return number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readPort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
    demoData: readBoolean(env.DEMO_DATA, true),
    logLevel: env.LOG_LEVEL ?? 'info',
    buildWebIfMissing: readBoolean(env.BUILD_WEB_IF_MISSING, true),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'web', 'dist')),
    rateLimitPerMinute: readPositiveInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  };
}
