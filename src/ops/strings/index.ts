import type { OpDef } from '../../engine/op-def.ts';
import { PrintV2 } from './print-v2.ts';
import { StringFormat } from './string-format.ts';
import { StringJoin } from './string-join.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function stringsOps(): readonly OpDef[] {
  return [StringFormat, StringJoin, PrintV2];
}
