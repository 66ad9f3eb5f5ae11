// Reductions, arg-reductions and scans against NumPy (test/fixtures/array-ops/gen_array_fixtures.py).
import { describeFixtures } from '../array/fixture-harness.ts';

describeFixtures('reduction kernels match NumPy', 'reduce.json', ['Sum', 'Mean', 'Max', 'Min', 'Prod', 'ArgMax', 'ArgMin', 'Cumsum', 'Cumprod']);
