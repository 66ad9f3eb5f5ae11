import type { OpDef } from '../../engine/op-def.ts';
import { HistogramSummary } from './histogram-summary.ts';
import { MergeSummary } from './merge-summary.ts';
import { ScalarSummary } from './scalar-summary.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function summaryOps(): readonly OpDef[] {
  return [ScalarSummary, HistogramSummary, MergeSummary];
}
