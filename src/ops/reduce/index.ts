import type { OpDef } from '../../engine/op-def.ts';
import { ArgMax, ArgMin } from './arg-min-max.ts';
import { Cumprod, Cumsum } from './cumulative.ts';
import { Max, Min } from './min-max.ts';
import { Prod } from './prod.ts';
import { Mean, Sum } from './sum-mean.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function reduceOps(): readonly OpDef[] {
  return [Sum, Mean, Max, Min, Prod, ArgMax, ArgMin, Cumsum, Cumprod];
}
