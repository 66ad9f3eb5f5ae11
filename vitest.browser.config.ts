import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import './vitest.config.ts'; // its Map.groupBy polyfill for Node 20

/**
 * Browser tests (test/browser): the WebGL backend in headless Chromium, WebGL2 on
 * SwiftShader. `npm test` runs them after the Node suites; alone: `npx vitest run -c vitest.browser.config.ts`.
 * KEISAN_CHROMIUM overrides Debian's /usr/bin/chromium.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: 'chromium' }],
      provider: playwright({
        launchOptions: {
          executablePath: process.env['KEISAN_CHROMIUM'] || '/usr/bin/chromium',
          args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
        },
      }),
    },
  },
});
