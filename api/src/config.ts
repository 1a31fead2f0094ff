/**
 * Runtime configuration, read once from the environment (never from files in the repository:
 * secrets live only in the environment). Every setting has a default that makes
 * `npm start` work on a laptop with nothing else installed.
 *
 * Every variable is parsed strictly, at start, by `loadConfig`: a malformed value is refused
 * with its name and what is allowed (a `ConfigError`; `loadConfigOrExit` prints it on one line
 * and exits with code 2), never turned silently into 0 or a default. The one rule for empty
 * values, the same for every variable: **empty is the same as unset** (the default applies), so
 * that `FOO=` in a compose file or a systemd unit means "not set". The README's settings table
 * lists every variable read here.
 */
import { isIP } from 'node:net';
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
  /** API processes sharing the port (node's cluster module); more than 1 needs PostgreSQL. */
  workers: number;
  /** Bearer token of GET /api/metrics (Prometheus); unset: the route answers 404. */
  metricsToken?: string | undefined;
  /**
   * Run the background jobs in this process (JOBS=on, the default): every API process takes
   * jobs; JOBS=off leaves them to `npm run worker` processes. Sending a job works either way.
   */
  jobs: boolean;
  /**
   * `npm run worker` started while the database is unreachable tries again (0.5 s doubling to
   * 10 s) for this many seconds, then exits with code 1 (0: one attempt).
   */
  workerDatabaseWaitSeconds: number;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A setting refused at start: one line naming the variable, its value and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every variable the platform reads, with what it allows (the README's table says the same).
 * Modules that read their own (attachments, sessions) are checked here too, so that a bad
 * value stops the start instead of surfacing at the first upload or sign-in.
 */
type Env = NodeJS.ProcessEnv;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** The value, or undefined when unset or empty (the one rule for every variable). */
  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  refuse(name: string, value: string, allowed: string): void {
    this.problems.push(`Setting ${name}=${JSON.stringify(value)} is refused: ${allowed}.`);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      this.refuse(
        name,
        value,
        `a whole number from ${min} to ${max} is expected (unset or empty: ${fallback})`,
      );
      return fallback;
    }
    return number;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
    if (['0', 'false', 'no', 'off'].includes(lower)) return false;
    this.refuse(
      name,
      value,
      `true or false is expected (also 1/0, yes/no, on/off; unset or empty: ${fallback})`,
    );
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(lower)) return lower as T;
    this.refuse(name, value, `one of ${allowed.join(', ')} is expected (unset or empty: ${fallback})`);
    return fallback;
  }

  url(name: string, protocols: readonly string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let parsed: URL | undefined;
    try {
      parsed = new URL(value.trim());
    } catch {
      parsed = undefined;
    }
    if (!parsed || !protocols.includes(parsed.protocol)) {
      // The value may hold a password: never repeat it.
      this.problems.push(
        `Setting ${name} is refused: a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} is expected.`,
      );
      return undefined;
    }
    return value.trim();
  }

  text(name: string): string | undefined {
    return this.raw(name)?.trim();
  }
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const number = /^\d+$/.test(bits) ? Number(bits) : Number.NaN;
  return Number.isInteger(number) && number >= 0 && number <= (family === 4 ? 32 : 128);
}

function isHost(value: string): boolean {
  return isIP(value) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value);
}

/**
 * The notification channels' settings (the notifications module's channels.ts reads them with
 * this function; `loadConfig` runs it too, so a bad value stops the start). A channel is on
 * when its first variable is set: SMTP_URL, SMS_GATEWAY_URL, TELEGRAM_BOT_TOKEN.
 */
export interface NotificationSettings {
  smtp?: { url: string; from: string };
  sms?: {
    /** May hold {phone} and {text} (URL-encoded into it). */
    url: string;
    method: 'POST' | 'GET' | 'PUT';
    headers: Record<string, string>;
    /** With {phone} and {text}, escaped for the content type. */
    body: string;
    contentType: string;
  };
  telegram?: { apiUrl: string; token: string };
  /** How long one attempt may take, in milliseconds. */
  timeoutMs: number;
  /** Attempts before a message is marked failed. */
  maxAttempts: number;
  /**
   * The development outbox: SMS written to the server's log instead of sent (the demo's
   * sign-up codes). On only with no SMS gateway, NODE_ENV unset or `development`, and demo
   * data on (see devOutboxOn); never in production or in tests.
   */
  devOutbox?: boolean;
}

/**
 * Whether the development outbox is on (docs/security.md): no SMS gateway, NODE_ENV unset or
 * `development` (a production unit sets `production`; the tests run as `test`), and DEMO_DATA
 * not turned off (a production deployment turns it off). All three, or off.
 */
export function devOutboxOn(env: Env, smsGatewayConfigured: boolean): boolean {
  const nodeEnv = env.NODE_ENV?.trim() ?? '';
  const demoData = (env.DEMO_DATA?.trim() ?? '').toLowerCase();
  return (
    !smsGatewayConfigured &&
    (nodeEnv === '' || nodeEnv === 'development') &&
    !['false', '0', 'no', 'off'].includes(demoData)
  );
}

export const DEFAULT_SMS_BODY = '{"to":"{phone}","text":"{text}"}';

export function readNotificationSettings(env: Env = process.env): {
  settings: NotificationSettings;
  problems: string[];
} {
  const read = new Reader(env);
  const settings: NotificationSettings = {
    timeoutMs: read.integer('NOTIFY_TIMEOUT_SECONDS', 10, 1, 300) * 1000,
    maxAttempts: read.integer('NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
  };
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:']);
  const from = read.text('SMTP_FROM');
  if (from !== undefined && !/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(from))
    read.refuse('SMTP_FROM', from, 'an e-mail address is expected, e.g. "SNDD <no-reply@example.org>"');
  if (smtpUrl !== undefined) {
    if (from === undefined) read.problems.push('Setting SMTP_URL is refused: it needs SMTP_FROM too.');
    else settings.smtp = { url: smtpUrl, from };
  }
  const smsUrl = read.url('SMS_GATEWAY_URL', ['http:', 'https:']);
  const method = read.oneOf('SMS_GATEWAY_METHOD', ['post', 'get', 'put'] as const, 'post');
  const headers: Record<string, string> = {};
  const rawHeaders = read.raw('SMS_GATEWAY_HEADERS');
  if (rawHeaders !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawHeaders);
    } catch {
      parsed = undefined;
    }
    const valid =
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.entries(parsed).every(
        ([name, value]) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) && typeof value === 'string',
      );
    // Header values may hold secrets: never repeat them.
    if (!valid)
      read.problems.push(
        'Setting SMS_GATEWAY_HEADERS is refused: a JSON object of header names and text values is expected, e.g. {"X-Api-Key":"…"}.',
      );
    else Object.assign(headers, parsed);
  }
  const token = read.text('SMS_GATEWAY_TOKEN');
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const body = read.raw('SMS_GATEWAY_BODY') ?? DEFAULT_SMS_BODY;
  const contentType = read.text('SMS_GATEWAY_CONTENT_TYPE') ?? 'application/json';
  if (!/^[a-z]+\/[a-z0-9.+-]+(;.*)?$/i.test(contentType))
    read.refuse('SMS_GATEWAY_CONTENT_TYPE', contentType, 'a media type is expected, e.g. application/json');
  if (smsUrl !== undefined) {
    const template = method === 'get' ? smsUrl : `${smsUrl} ${body}`;
    if (!template.includes('{text}') || !template.includes('{phone}'))
      read.problems.push(
        `Setting ${method === 'get' ? 'SMS_GATEWAY_URL' : 'SMS_GATEWAY_BODY'} is refused: it must hold {phone} and {text}.`,
      );
    settings.sms = {
      url: smsUrl,
      method: method.toUpperCase() as 'POST' | 'GET' | 'PUT',
      headers,
      body,
      contentType,
    };
  }
  const apiUrl = read.url('TELEGRAM_API_URL', ['http:', 'https:']) ?? 'https://api.telegram.org';
  const botToken = read.text('TELEGRAM_BOT_TOKEN');
  if (botToken !== undefined) {
    if (!/^[0-9]+:[A-Za-z0-9_-]+$/.test(botToken))
      read.problems.push(
        'Setting TELEGRAM_BOT_TOKEN is refused: a bot token as BotFather gives it is expected (digits, a colon, letters).',
      );
    else settings.telegram = { apiUrl: apiUrl.replace(/\/+$/, ''), token: botToken };
  }
  if (devOutboxOn(env, settings.sms !== undefined || smsUrl !== undefined)) settings.devOutbox = true;
  return { settings, problems: read.problems };
}

/** Reads and checks every setting; throws a ConfigError listing every refused one. */
export function loadConfig(env: Env = process.env): Config {
  const read = new Reader(env);

  const host = read.text('HOST') ?? '0.0.0.0';
  if (!isHost(host))
    read.refuse('HOST', host, 'an IP address or a host name is expected (unset or empty: 0.0.0.0)');

  const trustProxy = (read.text('TRUST_PROXY') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const badProxies = trustProxy.filter((entry) => !isAddressOrRange(entry));
  if (badProxies.length > 0) {
    read.refuse(
      'TRUST_PROXY',
      env.TRUST_PROXY ?? '',
      `IP addresses or CIDR ranges separated by commas are expected (not ${badProxies.join(', ')})`,
    );
  }

  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const workers = read.integer('WORKERS', 1, 1, 64);
  if (workers > 1 && databaseUrl === undefined && read.raw('DATABASE_URL') === undefined) {
    read.problems.push(
      `Setting WORKERS=${workers} is refused: several processes need PostgreSQL (DATABASE_URL); PGlite's folder belongs to one process, so use WORKERS=1 (or leave it unset).`,
    );
  }

  const config: Config = {
    port: read.integer('PORT', 3000, 0, 65535),
    host,
    dataDir: path.resolve(read.text('DATA_DIR') ?? path.join(repoRoot, 'data')),
    databaseUrl,
    demoData: read.boolean('DEMO_DATA', true),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    buildWebIfMissing: read.boolean('BUILD_WEB_IF_MISSING', true),
    webDistDir: path.resolve(read.text('WEB_DIST_DIR') ?? path.join(repoRoot, 'web', 'dist')),
    rateLimitPerMinute: read.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    metricsToken: read.text('METRICS_TOKEN'),
    trustProxy,
    workers,
    jobs: read.boolean('JOBS', true),
    workerDatabaseWaitSeconds: read.integer('WORKER_DATABASE_WAIT_SECONDS', 120, 0, 86_400),
  };

  if (config.metricsToken !== undefined && config.metricsToken.length < 16)
    // A token is a secret: never repeat it.
    read.problems.push(
      'Setting METRICS_TOKEN is refused: a random value of at least 16 characters is expected.',
    );

  // National login (the access module's oidc.service.ts reads them): all four, or none.
  const oidcIssuer = read.url('OIDC_ISSUER', ['https:', 'http:']);
  read.url('OIDC_REDIRECT_URI', ['https:', 'http:']);
  if (oidcIssuer !== undefined) {
    const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter(
      (name) => read.raw(name) === undefined,
    );
    if (missing.length > 0)
      read.problems.push(`Setting OIDC_ISSUER is refused: it needs ${missing.join(', ')} too.`);
  }

  // Read by modules themselves (sessions, attachments), checked here so a bad value stops the start.
  read.integer('SESSION_IDLE_MINUTES', 30, 1, 60 * 24 * 30);
  read.integer('SESSION_MAX_HOURS', 12, 1, 24 * 365);
  const store = read.oneOf('ATTACHMENTS_STORE', ['local', 's3'] as const, 'local');
  read.url('S3_ENDPOINT', ['http:', 'https:']);
  if (store === 's3') {
    const missing = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
      (name) => read.raw(name) === undefined,
    );
    if (missing.length > 0) {
      read.problems.push(`Setting ATTACHMENTS_STORE=s3 is refused: it needs ${missing.join(', ')} too.`);
    }
  }

  // The notification channels (the notifications module reads them itself).
  read.problems.push(...readNotificationSettings(env).problems);

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/**
 * For entry points: the configuration, or — when a setting is refused — one line per refused
 * setting on stderr (no stack trace) and exit code 2.
 */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.problems.join('\n')}\n`);
    process.exit(2);
  }
}
