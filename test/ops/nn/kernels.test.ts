// Softmax, LogSoftmax and the fused cross-entropy against NumPy float64 references
// (test/fixtures/array-ops/gen_array_fixtures.py), including rows of ±1000 that
// overflow without the max subtraction.
import { describeFixtures } from '../array/fixture-harness.ts';

describeFixtures('softmax kernels match NumPy', 'nn.json', ['Softmax', 'LogSoftmax', 'SoftmaxCrossEntropyWithLogits']);
