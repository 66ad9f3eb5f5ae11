/**
 * End-to-end tests (issue 4): the app in headless Debian Chromium against `keisan board`,
 * and the same suite against the desktop app where Electron's binary exists.
 * test/e2e/global-setup.ts starts the boards (free loopback ports, temp copies of real
 * event files); each test saves screenshots of what it looked at under
 * test-results/e2e-screenshots/.
 */
import { defineConfig } from '@playwright/test';
import type { E2eOptions } from './test/e2e/fixtures/app.ts';

export default defineConfig<E2eOptions>({
  testDir: 'test/e2e',
  // Not `*.test.ts`: vitest (test/**/*.test.ts) must not pick these up.
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e-output',
  globalSetup: './test/e2e/global-setup.ts',
  // A 2-core machine: two workers, one per spec file; tests in a file share its app.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 90_000,
  // Bounded: about two minutes here (board only); the desktop suite where Electron exists adds about as much again.
  globalTimeout: 480_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['KEISAN_CHROMIUM'] || '/usr/bin/chromium',
      args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    },
  },
  projects: [
    { name: 'board', use: { appHost: 'board' } },
    // One desktop app at a time (it holds a single-instance lock).
    { name: 'electron', use: { appHost: 'electron' }, workers: 1 },
  ],
});
