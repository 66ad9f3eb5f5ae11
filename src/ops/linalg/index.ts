import type { OpDef } from '../../engine/op-def.ts';
import { MatMul } from './matmul.ts';

export const LINALG_OPS: readonly OpDef[] = [MatMul];
