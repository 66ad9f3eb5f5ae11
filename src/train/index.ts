/**
 * `tf.train`: TF 1.x's optimizers and global-step helpers.
 *
 *     const opt = new tf.train.MomentumOptimizer(0.1, 0.9);
 *     const train = opt.minimize(loss, { globalStep: tf.train.getOrCreateGlobalStep() });
 */
import * as train from './api.ts';

export { train };
