// MatMul in all four transpose combinations, shapes with and without remainders of the
// 4x4 blocking, against NumPy (test/fixtures/array-ops/gen_array_fixtures.py).
import { describeFixtures } from '../array/fixture-harness.ts';

describeFixtures('MatMul matches NumPy', 'matmul.json', ['MatMul']);
