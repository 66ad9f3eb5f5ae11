/**
 * The page side of `npm run bench:webgl` (bundled by esbuild, run in headless Chromium):
 * Keisan's WebGL backend and TensorFlow.js's WebGL backend doing the same work on the same
 * inputs, in the same page and so on the same GPU (SwiftShader on a machine without one).
 *
 * Every case is one step as a user runs it: inputs go up (Keisan feeds a placeholder, tfjs
 * makes a tensor from the same Float32Array), the ops run, and the result is read back
 * synchronously: Keisan's Session.run with `{ output: 'tensor-values' }` returns each fetch
 * as a flat typed array, and tfjs's dataSync returns the same kind of result (neither
 * builds nested JS arrays, so the comparison is like for like). Type-checked with
 * tsconfig.node.json (no DOM library), so the few DOM names used are declared here.
 */
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '../../src/index.ts';
import { WebGLBackend, type GL2 } from '../../src/backend/webgl/index.ts';
import { median, uniform } from '../timing.ts';
import { keisanMlpGraph, tfjsMlpStep } from '../mlp-workload.ts';

declare const OffscreenCanvas: new (width: number, height: number) => { getContext(kind: 'webgl2'): unknown };
declare const globalThis: { runWebGLBench?: (only: readonly string[]) => Promise<unknown> };

type Step = () => void;
/** Session.run's RunOptions for results as flat typed arrays (what dataSync gives tfjs). */
const VALUES = { output: 'tensor-values' } as const;
interface Case { readonly name: string; keisan(backend: WebGLBackend): Step; tfjs(): Step; readonly reps: number }


function renderer(gl: GL2): string {
  const g = gl as unknown as { getExtension(n: string): { UNMASKED_RENDERER_WEBGL: number } | null; getParameter(p: number): unknown; RENDERER: number };
  const ext = g.getExtension('WEBGL_debug_renderer_info');
  return String(g.getParameter(ext === null ? g.RENDERER : ext.UNMASKED_RENDERER_WEBGL));
}

function session(graph: tf.Graph, backend: WebGLBackend): tf.Session {
  const sess = new tf.Session(graph, { backend });
  sess.run(graph.asDefault(() => tf.globalVariablesInitializer()));
  return sess;
}

function matmulCase(n: number): Case {
  const a = uniform(n * n, 1);
  const b = uniform(n * n, 2);
  return {
    name: `matmul_${n}`,
    reps: 1,
    keisan(backend) {
      const g = new tf.Graph();
      const [pa, pb, c] = g.asDefault(() => {
        const pa = tf.placeholder('float32', [n, n], 'a');
        const pb = tf.placeholder('float32', [n, n], 'b');
        return [pa, pb, tf.matmul(pa, pb)];
      });
      const sess = new tf.Session(g, { backend });
      const feeds = new Map<tf.Tensor, tf.FeedValue>([[pa, { dtype: 'float32', shape: [n, n], data: a }], [pb, { dtype: 'float32', shape: [n, n], data: b }]]);
      return () => { sess.run(c, feeds, VALUES); };
    },
    tfjs() {
      return () => {
        const ta = tfc.tensor2d(a, [n, n]);
        const tb = tfc.tensor2d(b, [n, n]);
        const c = tfc.matMul(ta, tb);
        c.dataSync();
        tfc.dispose([ta, tb, c]);
      };
    },
  };
}

/** Five element-wise ops on 1M floats: ((x·1.5 + 0.5)² − x) then sigmoid, read back. */
function elementwiseCase(): Case {
  const shape = [1024, 1024];
  const x = uniform(1024 * 1024, 3);
  return {
    name: 'elementwise_chain_1M',
    reps: 1,
    keisan(backend) {
      const g = new tf.Graph();
      const [px, y] = g.asDefault(() => {
        const px = tf.placeholder('float32', shape, 'x');
        return [px, tf.nn.sigmoid(tf.square(px.mul(1.5).add(0.5)).sub(px))];
      });
      const sess = new tf.Session(g, { backend });
      const feeds = new Map<tf.Tensor, tf.FeedValue>([[px, { dtype: 'float32', shape, data: x }]]);
      return () => { sess.run(y, feeds, VALUES); };
    },
    tfjs() {
      return () => {
        const tx = tfc.tensor2d(x, [1024, 1024]);
        const y = tfc.tidy(() => tfc.sigmoid(tfc.sub(tfc.square(tfc.add(tfc.mul(tx, 1.5), 0.5)), tx)));
        y.dataSync();
        tfc.dispose([tx, y]);
      };
    },
  };
}

/** 784-128-10, batch 64, ReLU, softmax cross-entropy (mean), SGD(0.1); the loss is read back. */
function mlpCase(): Case {
  return {
    name: 'mlp_train_step',
    reps: 1,
    keisan(backend) {
      const mlp = keisanMlpGraph();
      const sess = session(mlp.graph, backend);
      let i = 0;
      return () => {
        sess.run([mlp.train, mlp.loss], mlp.feed(i++), VALUES);
      };
    },
    tfjs() {
      const step = tfjsMlpStep(tfc);
      let i = 0;
      return () => step(i++);
    },
  };
}

/** The seed lesson: y_pred = a·x + b, loss = (y − y_pred)², SGD(1e-3), loss fetched. Timed per 20 steps. */
function lessonCase(): Case {
  const xs = uniform(1024, 7);
  return {
    name: 'sgd_lesson_step',
    reps: 20,
    keisan(backend) {
      const g = new tf.Graph();
      const { x, y, loss, train } = g.asDefault(() => {
        const [x, y] = tf.nameScope('inputs', () => [tf.placeholder('float32', []), tf.placeholder('float32', [])]);
        const a = tf.getVariable('a', { shape: [], initializer: tf.initializers.constant(0) });
        const b = tf.getVariable('b', { shape: [], initializer: tf.initializers.constant(0) });
        const loss = tf.square(y.sub(a.mul(x).add(b)), 'loss');
        return { x, y, loss, train: new tf.train.GradientDescentOptimizer(1e-3).minimize(loss) };
      });
      const sess = session(g, backend);
      let i = 0;
      return () => {
        const xv = xs[i++ % xs.length]!;
        sess.run([train, loss], new Map([[x, xv], [y, 5 * xv + 8]]), VALUES);
      };
    },
    tfjs() {
      const a = tfc.variable(tfc.scalar(0));
      const b = tfc.variable(tfc.scalar(0));
      const opt = tfc.train.sgd(1e-3);
      let i = 0;
      return () => {
        const xv = xs[i++ % xs.length]!;
        const loss = opt.minimize(() => {
          const x = tfc.scalar(xv);
          const y = tfc.scalar(5 * xv + 8);
          return tfc.square(tfc.sub(y, tfc.add(tfc.mul(a, x), b))) as tfc.Scalar;
        }, true)!;
        loss.dataSync();
        loss.dispose();
      };
    },
  };
}

/** Milliseconds per step: warm-up, then rounds alternating between the two engines. */
function time(keisan: Step, tfjs: Step, reps: number, warmup = 3, rounds = 15): { keisanMs: number; tfjsMs: number } {
  for (let i = 0; i < warmup * reps; i++) { keisan(); tfjs(); }
  const k: number[] = [];
  const j: number[] = [];
  const round = (step: Step, into: number[]): void => {
    const start = performance.now();
    for (let i = 0; i < reps; i++) step();
    into.push((performance.now() - start) / reps);
  };
  for (let r = 0; r < rounds; r++) { round(keisan, k); round(tfjs, j); }
  return { keisanMs: median(k), tfjsMs: median(j) };
}

globalThis.runWebGLBench = async (only) => {
  if (!(await tfc.setBackend('webgl')) || tfc.getBackend() !== 'webgl') throw new Error('tfjs WebGL backend did not start');
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as GL2 | null;
  if (gl === null) throw new Error('No WebGL2 in this browser');
  const backend = new WebGLBackend(gl, { now: () => performance.now() });
  const round3 = (x: number): number => Math.round(x * 1000) / 1000;
  const cases = [];
  const all = [matmulCase(256), matmulCase(512), matmulCase(1024), elementwiseCase(), mlpCase(), lessonCase()];
  for (const c of all.filter((c) => only.length === 0 || only.includes(c.name))) {
    const { keisanMs, tfjsMs } = time(c.keisan(backend), c.tfjs(), c.reps);
    console.error(`${c.name}: keisan ${keisanMs.toFixed(2)} ms, tfjs ${tfjsMs.toFixed(2)} ms`);
    cases.push({ name: c.name, keisanMs: round3(keisanMs), tfjsMs: round3(tfjsMs), ratio: Math.round((keisanMs / tfjsMs) * 100) / 100 });
  }
  return { renderer: renderer(gl), tfjs: tfc.version_core, cases };
};
