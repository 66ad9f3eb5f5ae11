/**
 * The optimizer fixtures written by scripts/fixtures/optimizers.py: 20-step trajectories
 * of an independent numpy implementation of each update rule on
 * loss = mean((X.w + b - y)^2).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface OptimizerStep {
  /** Loss and gradients at the parameters before the step. */
  readonly loss: number;
  readonly gradW: number[];
  readonly gradB: number[];
  /** Parameters after the step. */
  readonly w: number[];
  readonly b: number[];
}

export interface OptimizerFixture {
  readonly name: string;
  readonly optimizer: 'GradientDescent' | 'Momentum' | 'Adam' | 'Adagrad' | 'RMSProp' | 'AdaBound' | 'AMSBound';
  readonly learningRate: number;
  readonly options: Record<string, number | boolean>;
  readonly problem: { X: number[][]; y: number[][]; w0: number[][]; b0: number[] };
  readonly steps: OptimizerStep[];
}

const DIR = new URL('../fixtures/optimizers/', import.meta.url);

export function loadOptimizerFixtures(): OptimizerFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.json'.length), ...JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) }));
}

/** |actual - expected| <= rtol * |expected| + atol, elementwise; returns the first failure's description or null. */
export function mismatch(actual: readonly number[], expected: readonly number[], rtol: number, atol: number): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!, e = expected[i]!;
    if (!(Math.abs(a - e) <= rtol * Math.abs(e) + atol)) return `[${i}] ${a} != ${e} (diff ${Math.abs(a - e)})`;
  }
  return null;
}
