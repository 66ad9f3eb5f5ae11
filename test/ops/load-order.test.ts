/**
 * Op modules import the API, the API imports the graph, the graph imports the registry,
 * and the registry imports every op family: importing one op file first must still work
 * (the registry reads the family tables lazily).
 */
import { expect, it } from 'vitest';
import { MatMul } from '../../src/ops/linalg/matmul.ts';
import { Add } from '../../src/ops/math/add-sub.ts';
import { lookupOpDef } from '../../src/engine/registry.ts';

it('an op file can be the first module imported', () => {
  expect(MatMul.type).toBe('MatMul');
  expect(lookupOpDef('Add')).toBe(Add);
});
