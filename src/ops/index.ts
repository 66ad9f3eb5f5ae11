import type { OpDef } from '../engine/op-def.ts';
import { ARRAY_OPS } from './array/index.ts';
import { CORE_OPS } from './core/index.ts';
import { LINALG_OPS } from './linalg/index.ts';
import { MATH_OPS } from './math/index.ts';
import { NN_OPS } from './nn/index.ts';
import { REDUCE_OPS } from './reduce/index.ts';
import { STRINGS_OPS } from './strings/index.ts';
import { SUMMARY_OPS } from './summary/index.ts';
import { TRAIN_OPS } from './train/index.ts';

/** Every op the engine knows, one table per family (each family's folder holds one op, or a small family, per file). */
export const ALL_OPS: readonly OpDef[] = [...CORE_OPS, ...MATH_OPS, ...ARRAY_OPS, ...REDUCE_OPS, ...LINALG_OPS, ...NN_OPS, ...TRAIN_OPS, ...STRINGS_OPS, ...SUMMARY_OPS];
