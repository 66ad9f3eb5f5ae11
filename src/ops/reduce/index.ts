import type { OpDef } from '../../engine/op-def.ts';
import { ArgMax, ArgMin } from './arg-min-max.ts';
import { Cumprod, Cumsum } from './cumulative.ts';
import { Max, Min } from './min-max.ts';
import { Prod } from './prod.ts';
import { Mean, Sum } from './sum-mean.ts';

export const REDUCE_OPS: readonly OpDef[] = [Sum, Mean, Max, Min, Prod, ArgMax, ArgMin, Cumsum, Cumprod];
