import type { OpDef } from '../../engine/op-def.ts';
import { Const } from './const.ts';
import { Identity, NoOp, StopGradient } from './control.ts';
import { Placeholder, PlaceholderWithDefault } from './placeholder.ts';
import { RandomStandardNormal, RandomUniform, TruncatedNormal } from './random.ts';
import { Assign, AssignAdd, AssignSub, VariableV2 } from './variable.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function coreOps(): readonly OpDef[] {
  return [
  Const, Placeholder, PlaceholderWithDefault, NoOp, Identity, StopGradient,
  VariableV2, Assign, AssignAdd, AssignSub,
  RandomStandardNormal, RandomUniform, TruncatedNormal,
];
}
