/**
 * `npm run bench:webgl-profile`: where the MLP step's time goes on Keisan's WebGL backend,
 * draw by draw (bench/webgl/profile-page.ts), in headless Chromium (SwiftShader here).
 * KEISAN_PROFILE_STEPS sets the timed steps (default 15).
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const bundle = await build({
  entryPoints: [new URL('./webgl/profile-page.ts', import.meta.url).pathname],
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
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const steps = Number(process.env['KEISAN_PROFILE_STEPS'] ?? 15);
  const result = await page.evaluate((n) => (globalThis as unknown as { runWebGLProfile(n: number): unknown }).runWebGLProfile(n), steps);
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
} finally {
  await browser.close();
}
