/**
 * One Vitest configuration, three projects:
 *   api  – unit and route tests beside the API code, on PGlite (or on PostgreSQL when
 *          DATABASE_URL is set: each test file then works in a schema of its own);
 *   web  – unit tests of the web app's pure code;
 *   e2e  – browser journeys in the system Chromium against a real server process.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api',
          include: ['api/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // The first journey of a run prepares the PGlite folder once: a first start with the country.
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
