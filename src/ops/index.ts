import type { OpDef } from '../engine/op-def.ts';
import { arrayOps } from './array/index.ts';
import { coreOps } from './core/index.ts';
import { linalgOps } from './linalg/index.ts';
import { mathOps } from './math/index.ts';
import { nnOps } from './nn/index.ts';
import { reduceOps } from './reduce/index.ts';
import { stringsOps } from './strings/index.ts';
import { summaryOps } from './summary/index.ts';
import { trainOps } from './train/index.ts';

/**
 * Every op the engine knows, one table per family (each family's folder holds one op,
 * or a small family, per file). Called by the registry on first lookup, never while
 * modules are still loading: op files import the API, which imports the graph, which
 * imports the registry, so reading the tables at load time would hit half-loaded modules.
 */
export function allOps(): readonly OpDef[] {
  return [...coreOps(), ...mathOps(), ...arrayOps(), ...reduceOps(), ...linalgOps(), ...nnOps(), ...trainOps(), ...stringsOps(), ...summaryOps()];
}
