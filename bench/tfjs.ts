/**
 * TensorFlow.js (tfjs-core 4.22 + the CPU backend) loaded for comparison in this process.
 *
 * tfjs-core's package entry registers no gradients, and its ESM sources (dist/*.js) use
 * extensionless and directory imports that Node's ESM loader rejects. So the core and the
 * CPU backend come from their CommonJS Node bundles, and the gradients from
 * dist/register_all_gradients.js required through tsx's CommonJS hook (which compiles that
 * ESM file). Kernels and gradients live in tfjs's global registries, so registering them
 * from another copy of the module still reaches the engine we use.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { register } from 'tsx/cjs/api';

export async function loadTfjs(): Promise<typeof tf> {
  const unregister = register();
  createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
  unregister();
  if (!(await tf.setBackend('cpu')) || tf.getBackend() !== 'cpu') throw new Error('tfjs CPU backend did not register');
  // Check that gradients are really there: d/da (3a)^2 at a = 1 is 18.
  const a = tf.variable(tf.scalar(1));
  const { grads } = tf.variableGrads(() => tf.square(tf.mul(a, 3)) as tf.Scalar);
  const g = grads[a.name]!.dataSync()[0];
  if (g !== 18) throw new Error(`tfjs gradients are not registered (got ${g})`);
  tf.dispose([a, ...Object.values(grads)]);
  return tf;
}
