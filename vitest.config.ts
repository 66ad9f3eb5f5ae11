import { defineConfig } from 'vitest/config';

// vitest 5 asks for Node 22 and calls Map.groupBy when it reports failures; Node 20
// lacks it, so without this a failing test shows no message. Remove with Node 22.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  (Map as unknown as { groupBy: (items: Iterable<unknown>, key: (x: unknown, i: number) => unknown) => Map<unknown, unknown[]> }).groupBy = (items, key) => {
    const out = new Map<unknown, unknown[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list === undefined) out.set(k, [item]);
      else list.push(item);
    }
    return out;
  };
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/browser runs in Chromium: vitest.browser.config.ts.
    exclude: ['**/node_modules/**', 'test/browser/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
