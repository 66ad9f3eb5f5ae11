import type { OpDef } from '../../engine/op-def.ts';
import { BroadcastGradientArgs } from './broadcast-gradient-args.ts';
import { ConcatOffset, ConcatV2 } from './concat.ts';
import { DynamicStitch } from './dynamic-stitch.ts';
import { ExpandDims, Squeeze } from './expand-squeeze.ts';
import { Fill } from './fill.ts';
import { Gather } from './gather.ts';
import { ListDiff } from './list-diff.ts';
import { Pack, Unpack } from './pack.ts';
import { Pad } from './pad.ts';
import { Range } from './range.ts';
import { Reshape } from './reshape.ts';
import { Rank, Shape, ShapeN, Size } from './shape.ts';
import { Slice } from './slice.ts';
import { Tile } from './tile.ts';
import { InvertPermutation, Transpose } from './transpose.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function arrayOps(): readonly OpDef[] {
  return [
  Shape, ShapeN, Size, Rank, Reshape, ExpandDims, Squeeze, Fill, Tile, Range,
  DynamicStitch, BroadcastGradientArgs, Transpose, InvertPermutation, ConcatV2, ConcatOffset,
  Slice, Pad, Pack, Unpack, Gather, ListDiff,
];
}
