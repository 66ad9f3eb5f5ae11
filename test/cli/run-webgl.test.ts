import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { keisanAsync } from './keisan-async.ts';
import { eventsIn, KEISAN_BIN, runKeisan, scalarValues, tempDir } from './run-cli.ts';

// `keisan run --backend webgl` against `--backend cpu` on the seed lesson. Spawning the CLI
// (and Chromium on SwiftShader) is slow on this machine: two runs, side by side, share the test.
const CHROMIUM = process.env['KEISAN_CHROMIUM'] || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const NO_CHROMIUM = `skipped: no Chromium at ${CHROMIUM} (install chromium or set KEISAN_CHROMIUM)`;

const LESSON = new URL('../../resources/lessons/sgd/sgd_function.ts', import.meta.url).pathname;

/**
 * The lesson made repeatable, so two runs can be compared step for step: a graph seed for
 * the initial a and b, and a fixed sequence of x in [0, 1) instead of Math.random.
 */
function seededLesson(): string {
  const text = readFileSync(LESSON, 'utf8');
  const seeded = text
    .replace("import * as tf from 'keisan';", "import * as tf from 'keisan';\ntf.setRandomSeed(7);")
    .replace('const xValue = Math.random();', 'const xValue = ((step * 7919) % 1000) / 1000;');
  if (seeded === text || !seeded.includes('setRandomSeed') || !seeded.includes('7919')) throw new Error('the lesson changed: update seededLesson()');
  return seeded;
}

// Float32 arithmetic in both; the WebGL backend keeps the lesson's scalars on the CPU (small-on-CPU
// rule), so the trajectories should agree to rounding. Relative 1e-4 leaves room for a GPU kernel.
const REL_TOL = 1e-4;

describe.skipIf(!HAVE_CHROMIUM)(`keisan run --backend webgl${HAVE_CHROMIUM ? '' : ` (${NO_CHROMIUM})`}`, () => {
  it('runs the lesson in Chromium: the same loss trajectory as --backend cpu, readable event files, 10 lines, the renderer on stderr', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'lesson.ts'), seededLesson());
    const [cpu, webgl] = await Promise.all([
      keisanAsync(['run', '--backend', 'cpu', '--logdir', 'runs/cpu', 'lesson.ts'], cwd),
      keisanAsync(['run', '--backend', 'webgl', '--logdir', 'runs/webgl', 'lesson.ts'], cwd),
    ]);
    expect(cpu.stderr).toBe('');
    expect(cpu.status).toBe(0);
    expect(webgl.status, webgl.stderr).toBe(0);
    expect(webgl.stderr).toMatch(/^keisan: backend webgl, renderer \S.*$/m);
    expect(webgl.stdout.trimEnd().split('\n')).toHaveLength(10);

    const cpuLoss = scalarValues(eventsIn(join(cwd, 'runs', 'cpu')), 'loss');
    const webglEvents = eventsIn(join(cwd, 'runs', 'webgl'));
    const webglLoss = scalarValues(webglEvents, 'loss');
    expect(webglLoss.map((p) => p.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(cpuLoss).toHaveLength(1000);
    for (let i = 0; i < 1000; i++) {
      const want = cpuLoss[i]!.value;
      expect(Math.abs(webglLoss[i]!.value - want), `step ${i}`).toBeLessThanOrEqual(REL_TOL * Math.max(1, Math.abs(want)));
    }
    // It trained: the last hundred losses are far below the first hundred.
    const mean = (xs: readonly { value: number }[]): number => xs.reduce((s, p) => s + p.value, 0) / xs.length;
    expect(mean(webglLoss.slice(-100))).toBeLessThan(mean(webglLoss.slice(0, 100)) / 4);
    const graph = webglEvents.find((e) => e.what.case === 'graphDef')!;
    expect(decodeGraphDef(graph.what.value as Uint8Array).node.map((n) => n.name)).toEqual(expect.arrayContaining(['simple_model/formula/mul', 'simple_model/formula/add']));
  }, 120_000);

  it('streams lines and event bytes while the script runs, not only at its end', async () => {
    // 30 steps of ~100 ms each: a line and a summary per step.
    const slow = `import * as tf from 'keisan';
const x = tf.placeholder('float32', [], 'x');
tf.summary.scalar('x_summary', x);
const merged = tf.summary.mergeAll()!;
const sess = new tf.Session();
const writer = new tf.summary.FileWriter('./logs', sess.graph);
for (let step = 0; step < 30; step++) {
  for (const t0 = Date.now(); Date.now() - t0 < 100;) { /* busy, as training is */ }
  writer.addSummary(sess.run(merged, { 'x:0': step }), step);
  sess.run(tf.print(tf.strings.format('step {}', [x])), { 'x:0': step });
}
writer.close();
`;
    const cwd = tempDir();
    writeFileSync(join(cwd, 'slow.ts'), slow);
    const child = spawn(process.execPath, [KEISAN_BIN, 'run', '--backend', 'webgl', 'slow.ts'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let midRun: { at: number; summaries: number } | null = null;
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
      if (midRun === null && stdout.includes('step 10\n')) {
        // Read the event file as it is now (a strict reader: what arrived must be whole records).
        const dir = join(cwd, 'logs');
        const summaries = existsSync(dir) && readdirSync(dir).length > 0 ? scalarValues(eventsIn(dir), 'x_summary').length : 0;
        midRun = { at: Date.now(), summaries };
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const end = Date.now();
    expect(status, stderr).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual(Array.from({ length: 30 }, (_, i) => `step ${i}`));
    expect(midRun, 'line 10 seen').not.toBeNull();
    const seen = midRun as unknown as { at: number; summaries: number };
    // Step 10's line came while 19 steps (~1.9 s) were still to run, with most earlier summaries on disk.
    expect(end - seen.at).toBeGreaterThan(1000);
    expect(seen.summaries).toBeGreaterThanOrEqual(5);
    expect(scalarValues(eventsIn(join(cwd, 'logs')), 'x_summary')).toHaveLength(30);
  }, 120_000);

  it('reports a script error as file:line, exits 1, and keeps the events written before it', () => {
    const failing = `import * as tf from 'keisan';
const x = tf.placeholder('float32', [], 'x');
tf.summary.scalar('x_summary', x);
const merged = tf.summary.mergeAll()!;
const sess = new tf.Session();
const writer = new tf.summary.FileWriter('./logs', sess.graph);
writer.addSummary(sess.run(merged, { 'x:0': 1 }), 0);
writer.addSummary(sess.run(merged, { 'x:0': 2 }), 1);
const notFed: number = 3;
sess.run(merged, { 'y:0': notFed });
`;
    const r = runKeisan(['run', '--backend', 'webgl', 'failing.ts'], { 'failing.ts': failing });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toContain('failing.ts:10');
    expect(r.stderr).toContain("ValueError: The name 'y:0' refers to a Tensor which does not exist.");
    expect(scalarValues(eventsIn(join(r.cwd, 'logs')), 'x_summary')).toEqual([{ step: 0, value: 1 }, { step: 1, value: 2 }]);
  }, 120_000);
});

describe('keisan run --backend webgl without a browser', () => {
  it('says so in one line and exits 2 when KEISAN_CHROMIUM names no file (no fallback to /usr/bin/chromium)', () => {
    const r = runKeisan(['run', '--backend', 'webgl', 's.ts'], { 's.ts': "import * as tf from 'keisan';\n" }, { KEISAN_CHROMIUM: '/nonexistent' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('keisan: no browser for --backend webgl: KEISAN_CHROMIUM=/nonexistent is not a file (point it at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium).\n');
  });
});
