import type { OpDef } from '../../engine/op-def.ts';
import { Const } from './const.ts';
import { Identity, NoOp, StopGradient } from './control.ts';
import { Placeholder, PlaceholderWithDefault } from './placeholder.ts';
import { RandomStandardNormal, RandomUniform, TruncatedNormal } from './random.ts';
import { Assign, AssignAdd, AssignSub, VariableV2 } from './variable.ts';

export const CORE_OPS: readonly OpDef[] = [
  Const, Placeholder, PlaceholderWithDefault, NoOp, Identity, StopGradient,
  VariableV2, Assign, AssignAdd, AssignSub,
  RandomStandardNormal, RandomUniform, TruncatedNormal,
];
