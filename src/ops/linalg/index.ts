import type { OpDef } from '../../engine/op-def.ts';
import { MatMul } from './matmul.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function linalgOps(): readonly OpDef[] {
  return [MatMul];
}
