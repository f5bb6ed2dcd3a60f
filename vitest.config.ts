import { defineConfig } from 'vitest/config';

/**
 * One config, four projects, by what a test touches:
 * - modules: tests beside the code (pure logic, plus real PGlite/Postgres/Redis where a module owns that boundary)
 * - integration: the whole pipeline with a real Docker engine, Redis and databases
 * - security: the adversarial suite (`npm run test:security`)
 * - e2e: the web app in Debian's headless Chromium
 * Challenge suites are `*.suite.ts`, run by the grading harness, never by vitest.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'modules',
          include: ['{contract,challenges/lib,runner/src,api/src,web/src}/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          // Setup opens real databases and queues; on 2 busy cores that can take longer than vitest's 10 s default.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
