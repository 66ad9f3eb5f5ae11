import type { OpDef } from '../../engine/op-def.ts';
import { PrintV2 } from './print-v2.ts';
import { StringFormat } from './string-format.ts';
import { StringJoin } from './string-join.ts';

export const STRINGS_OPS: readonly OpDef[] = [StringFormat, StringJoin, PrintV2];
