import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { eventsIn, runKeisan, scalarValues } from './run-cli.ts';

// A script as a user would write it, outside the repo: `keisan` must resolve to this engine,
// tf.print must reach stdout (the Node host installed on the same module instance), and
// FileWriter's relative logdir is relative to the working directory.
const GOOD = `import * as tf from 'keisan';
const x = tf.placeholder('float32', [], 'x');
const y = tf.square(x, 'y');
tf.summary.scalar('y_summary', y);
const merged = tf.summary.mergeAll()!;
const show = tf.print(tf.strings.format('x={} y={}', [x, y]));
const sess = new tf.Session();
const writer = new tf.summary.FileWriter('./logs', sess.graph);
for (let step = 0; step < 3; step++) {
  const [s] = sess.run([merged, show], { 'x:0': step + 0.5 });
  writer.addSummary(s, step);
}
writer.close();
`;

// Throws at line 10 after two summaries were written, without closing the writer.
const FAILING = `import * as tf from 'keisan';
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

describe('keisan run', () => {
  it('runs a TypeScript script from another directory: prints and writes events', () => {
    const r = runKeisan(['run', 'script.ts'], { 'script.ts': GOOD });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual(['x=0.5 y=0.25', 'x=1.5 y=2.25', 'x=2.5 y=6.25', '']);
    const events = eventsIn(join(r.cwd, 'logs'));
    expect(events[0]!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    const graph = events.find((e) => e.what.case === 'graphDef');
    expect(graph).toBeDefined();
    const names = decodeGraphDef(graph!.what.value as Uint8Array).node.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['x', 'y', 'StringFormat', 'PrintV2']));
    expect(scalarValues(events, 'y_summary')).toEqual([{ step: 0, value: 0.25 }, { step: 1, value: 2.25 }, { step: 2, value: 6.25 }]);
  });

  it('runs a JavaScript script with named imports, and passes --logdir as KEISAN_LOGDIR', () => {
    const script = `import { constant, print, Session } from 'keisan';
new Session().run(print('logdir', process.env.KEISAN_LOGDIR, constant([1, 2, 3], 'int32')));
`;
    const r = runKeisan(['run', '--logdir', 'runs/a', 'script.js'], { 'script.js': script });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`logdir ${join(r.cwd, 'runs/a')} [1 2 3]\n`);
  });

  it("reports a script error as file:line and the error, exits 1, and keeps earlier events readable", () => {
    const r = runKeisan(['run', 'failing.ts'], { 'failing.ts': FAILING });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('failing.ts:10');
    expect(r.stderr).toContain("ValueError: The name 'y:0' refers to a Tensor which does not exist.");
    const events = eventsIn(join(r.cwd, 'logs'));
    expect(scalarValues(events, 'x_summary')).toEqual([{ step: 0, value: 1 }, { step: 1, value: 2 }]);
  });

  it('points at the line of a syntax error', () => {
    const r = runKeisan(['run', 'broken.ts'], { 'broken.ts': "import * as tf from 'keisan';\n\nconst x: number = ;\n" });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('broken.ts:3');
  });

  it('rejects an unknown command with exit code 2', () => {
    const r = runKeisan(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('rejects a missing script, an unknown option and an unknown backend with exit code 2', () => {
    expect(runKeisan(['run', 'missing.ts']).stderr).toContain("no such script 'missing.ts'");
    expect(runKeisan(['run', '--fast', 's.ts'], { 's.ts': '' }).status).toBe(2);
    const tpu = runKeisan(['run', '--backend', 'tpu', 's.ts'], { 's.ts': '' });
    expect(tpu.status).toBe(2);
    expect(tpu.stderr).toContain("no backend 'tpu'; use --backend cpu or --backend webgl.");
    expect(runKeisan([]).status).toBe(2);
  });
});
