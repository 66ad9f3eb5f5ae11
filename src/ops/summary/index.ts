import type { OpDef } from '../../engine/op-def.ts';
import { HistogramSummary } from './histogram-summary.ts';
import { MergeSummary } from './merge-summary.ts';
import { ScalarSummary } from './scalar-summary.ts';

export const SUMMARY_OPS: readonly OpDef[] = [ScalarSummary, HistogramSummary, MergeSummary];
