import type { OpDef } from './op-def.ts';
import { allOps } from '../ops/index.ts';

let table: Map<string, OpDef> | null = null;

/** The definition of an op type. The table is built on first use, so modules may import each other freely. */
export function lookupOpDef(type: string): OpDef {
  if (table === null) {
    table = new Map();
    for (const def of allOps()) {
      if (table.has(def.type)) throw new Error(`Op type '${def.type}' is defined twice`);
      table.set(def.type, def);
    }
  }
  const def = table.get(type);
  if (def === undefined) throw new Error(`Op type not registered '${type}'`);
  return def;
}

export function registeredOpTypes(): string[] {
  lookupOpDef('NoOp');
  return [...table!.keys()];
}
