/**
 * `npm run bench:webgl-kernels -- [name filter…]`: single GPU programs timed alone in headless Chromium
 * (bench/webgl/kernel-page.ts), for choosing kernel shapes. Arguments filter cases by name.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const bundle = await build({
  entryPoints: [new URL('./webgl/kernel-page.ts', import.meta.url).pathname],
  bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning',
});
const browser = await chromium.launch({
  executablePath: process.env['KEISAN_CHROMIUM'] || '/usr/bin/chromium',
  headless: true,
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`${m.text()}\n`); });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const only = process.argv.slice(2);
  const result = await page.evaluate((o) => (globalThis as unknown as { runKernelBench(o: string[]): unknown }).runKernelBench(o), only);
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
} finally {
  await browser.close();
}
