/**
 * `npm run bench:webgl`: Keisan's WebGL backend against @tensorflow/tfjs-backend-webgl in one
 * headless Chromium page (WebGL2 on SwiftShader unless a GPU is there), same inputs, same
 * page. Prints JSON `{ renderer, cases: [{ name, keisanMs, tfjsMs, ratio }] }`, medians of
 * 15 timed rounds after warm-up (bench/webgl/page.ts says what each case does).
 * Goals (issue 5): ratio ≤ 0.8 on matmul 512 and 1024, ≤ 0.33 on the element-wise chain,
 * ≤ 0.5 on the MLP step, ≤ 1.0 on the lesson step. KEISAN_CHROMIUM overrides /usr/bin/chromium;
 * KEISAN_BENCH_CASES=sgd_lesson_step,mlp_train_step runs only those cases.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const bundle = await build({
  entryPoints: [new URL('./webgl/page.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
});

const browser = await chromium.launch({
  executablePath: process.env['KEISAN_CHROMIUM'] || '/usr/bin/chromium',
  headless: true,
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`${m.text()}\n`); });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const only = (process.env['KEISAN_BENCH_CASES'] ?? '').split(',').filter((s) => s !== '');
  const result = await page.evaluate((o) => (globalThis as unknown as { runWebGLBench(only: string[]): Promise<unknown> }).runWebGLBench(o), only);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
}
