/**
 * Settings are checked at start: a malformed value is refused with its name and what is
 * allowed, an empty one takes the default (the one rule for every variable), and the real
 * entry point exits non-zero with one line and no stack trace.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from './config.ts';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('settings', () => {
  it('takes every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      demoData: true,
      logLevel: 'info',
      rateLimitPerMinute: 600,
      trustProxy: [],
      workers: 1,
    });
    expect(config.dataDir).toBe(path.join(repoRoot, 'data'));
  });

  it('treats an empty value as unset, for every variable', () => {
    const names = [
      'PORT',
      'HOST',
      'DATA_DIR',
      'DATABASE_URL',
      'DEMO_DATA',
      'LOG_LEVEL',
      'BUILD_WEB_IF_MISSING',
      'WEB_DIST_DIR',
      'RATE_LIMIT_PER_MINUTE',
      'TRUST_PROXY',
      'WORKERS',
      'SESSION_IDLE_MINUTES',
      'SESSION_MAX_HOURS',
      'ATTACHMENTS_STORE',
      'S3_ENDPOINT',
    ];
    const empty = Object.fromEntries(names.map((name) => [name, '']));
    expect(loadConfig(empty)).toEqual(loadConfig({}));
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '  ' }).rateLimitPerMinute).toBe(600);
  });

  it('reads well-formed values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db.example:5432/sndd',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'WARN',
      RATE_LIMIT_PER_MINUTE: '120',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1',
      WORKERS: '4',
    });
    expect(config).toMatchObject({
      port: 8080,
      demoData: false,
      logLevel: 'warn',
      rateLimitPerMinute: 120,
      trustProxy: ['10.0.0.0/8', '192.168.1.1', '::1'],
      workers: 4,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"', 'whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT="70000"', 'whole number'],
    [{ PORT: '3000.5' }, 'PORT="3000.5"', 'whole number'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE="0"', 'from 1 to'],
    [{ RATE_LIMIT_PER_MINUTE: '-5' }, 'RATE_LIMIT_PER_MINUTE="-5"', 'from 1 to'],
    [{ RATE_LIMIT_PER_MINUTE: '10/min' }, 'RATE_LIMIT_PER_MINUTE="10/min"', 'whole number'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA="maybe"', 'true or false'],
    [{ BUILD_WEB_IF_MISSING: 'nope' }, 'BUILD_WEB_IF_MISSING="nope"', 'true or false'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL="verbose"', 'one of fatal, error, warn, info'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY', 'CIDR'],
    [{ TRUST_PROXY: 'proxy.local' }, 'TRUST_PROXY', 'not proxy.local'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', 'postgres://'],
    [{ WORKERS: '0' }, 'WORKERS="0"', 'from 1 to 64'],
    [{ WORKERS: '2' }, 'WORKERS=2', 'need PostgreSQL'],
    [{ HOST: 'bad host' }, 'HOST="bad host"', 'host name'],
    [{ SESSION_IDLE_MINUTES: 'ten' }, 'SESSION_IDLE_MINUTES="ten"', 'whole number'],
    [{ SESSION_MAX_HOURS: '0' }, 'SESSION_MAX_HOURS="0"', 'whole number'],
    [{ ATTACHMENTS_STORE: 'ftp' }, 'ATTACHMENTS_STORE="ftp"', 'one of local, s3'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN', 'at least 16 characters'],
    [{ OIDC_ISSUER: 'https://id.example.gov.kh' }, 'OIDC_ISSUER', 'OIDC_CLIENT_ID, OIDC_CLIENT_SECRET'],
    [{ OIDC_ISSUER: 'ftp://id' }, 'OIDC_ISSUER', 'https://'],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'b' }, 'ATTACHMENTS_STORE=s3', 'S3_ENDPOINT, S3_ACCESS_KEY_ID'],
  ])('refuses %j with its name and what is allowed', (env, name, allowed) => {
    const message = refusal(env);
    expect(message).toContain(name);
    expect(message).toContain(allowed);
  });

  it('never repeats the value of a refused DATABASE_URL (it may hold a password)', () => {
    expect(refusal({ DATABASE_URL: 'mysql://user:s3cret@host/db' })).not.toContain('s3cret');
  });

  it('lists every refused setting at once', () => {
    const message = refusal({ PORT: 'x', DEMO_DATA: 'y' });
    expect(message.split('\n')).toHaveLength(2);
  });

  it('stops the real entry point with one line on stderr, no stack trace, exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, RATE_LIMIT_PER_MINUTE: 'lots', DATABASE_URL: '', BUILD_WEB_IF_MISSING: 'false' },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'Setting RATE_LIMIT_PER_MINUTE="lots" is refused: a whole number from 1 to 1000000 is expected (unset or empty: 600).',
    );
    expect(stdout).toBe('');
  });
});
