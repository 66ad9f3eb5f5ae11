/**
 * The fixtures' problem built in our graph API, and the optimizer each fixture names.
 * Imports go module by module (not through src/index.ts) so these tests depend only on
 * what they use.
 */
import { constant } from '../../src/api/state.ts';
import { matmul } from '../../src/api/linalg.ts';
import { opAdd, opSub, square } from '../../src/api/math.ts';
import { reduceMean } from '../../src/api/reduce.ts';
import type { Tensor } from '../../src/engine/graph.ts';
import { Variable } from '../../src/engine/variable.ts';
import * as train from '../../src/train/api.ts';
import type { OptimizerFixture } from './fixtures.ts';

export interface Problem {
  readonly w: Variable;
  readonly b: Variable;
  readonly loss: Tensor;
}

/** loss = mean((X.w + b - y)^2), with `w` [3,1] and `b` [1] variables named `w` and `b`. */
export function buildProblem(fx: OptimizerFixture): Problem {
  const X = constant(fx.problem.X, 'float32', undefined, 'X');
  const y = constant(fx.problem.y, 'float32', undefined, 'y');
  const w = new Variable(fx.problem.w0, { name: 'w' });
  const b = new Variable(fx.problem.b0, { name: 'b' });
  const loss = reduceMean(square(opSub(opAdd(matmul(X, w), b), y)));
  return { w, b, loss };
}

export function makeOptimizer(fx: OptimizerFixture): train.Optimizer {
  const o = fx.options as Record<string, never>;
  switch (fx.optimizer) {
    case 'GradientDescent': return new train.GradientDescentOptimizer(fx.learningRate);
    case 'Momentum': return new train.MomentumOptimizer(fx.learningRate, o['momentum'], { useNesterov: o['useNesterov'] ?? false });
    case 'Adam': return new train.AdamOptimizer(fx.learningRate, o);
    case 'Adagrad': return new train.AdagradOptimizer(fx.learningRate, o);
    case 'RMSProp': return new train.RMSPropOptimizer(fx.learningRate, o);
    case 'AdaBound': return new train.AdaBoundOptimizer(fx.learningRate, o);
    case 'AMSBound': return new train.AMSBoundOptimizer(fx.learningRate, o);
  }
}
