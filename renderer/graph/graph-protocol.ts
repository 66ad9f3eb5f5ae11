/**
 * Messages between the graph view and the graph worker. The worker decodes the GraphDef,
 * builds the scope hierarchy once, answers the info panel's questions and lays out
 * scopes; the page keeps only the hierarchy's arrays (`ScopeTreeData`) and draws.
 */
import type { InclusionMap, NodeDetails, ScopeTreeData } from '../../src/graph/index.ts';
import type { GraphLanguage } from './graph-text.ts';

export type GraphRequest =
  | { readonly type: 'load'; readonly bytes: Uint8Array }
  /** Rebuild the loaded graph with the user's series choices (TensorBoard's "Ungroup"/"Group"); answers a new LoadedGraph. */
  | { readonly type: 'regroup'; readonly graph: number; readonly grouping: SeriesGrouping }
  | { readonly type: 'details'; readonly graph: number; readonly id: number }
  /**
   * Boxes for every drawn node with these scopes open (labels, hence sizes, depend on the
   * language), auxiliary nodes moved aside as TensorBoard does, with the user's choices.
   */
  | {
    readonly type: 'layout'; readonly graph: number; readonly expanded: readonly number[]; readonly lang: GraphLanguage;
    /** The user's "Add to / Remove from main graph" choices, by path (none: TensorBoard's rules alone). */
    readonly inclusion?: InclusionMap;
  };

/** Drawn nodes' boxes, five numbers each: entry id, centre x, centre y, width, height. */
export interface PlacedBoxes {
  readonly boxes: Float64Array;
  /** Time the worker spent laying out (layered-layout.ts), for the view's timing hooks. */
  readonly ms: number;
  readonly aux: AuxiliaryLayout;
}

/** TensorBoard's auxiliary nodes in every open scope and the top level (src/graph/auxiliary-view.ts). */
export interface AuxiliaryLayout {
  /** Entries moved to the side column left of their scope's main graph (the inputs side). */
  readonly inExtract: readonly number[];
  /** Entries moved to the side column on the right (the outputs side: `init`, hubs). */
  readonly outExtract: readonly number[];
  /** Bundled edges drawn only as stubs at both ends: (source, target) pairs of an open scope's children, flat. */
  readonly stubs: Int32Array;
}

export interface LoadedGraph {
  /** Identifies this graph in later `details` requests (a newer `load` replaces it). */
  readonly graph: number;
  readonly tree: ScopeTreeData;
  readonly decodeMs: number;
  readonly buildMs: number;
}

/** Per series name (`scope/add[1-9]`), the user's choice; series not named follow TensorBoard's size rule. */
export type SeriesGrouping = { readonly [seriesName: string]: 'group' | 'ungroup' };

export type GraphReply<R extends GraphRequest> =
  R extends { type: 'load' | 'regroup' } ? LoadedGraph : R extends { type: 'details' } ? NodeDetails : PlacedBoxes;

/** What crosses the worker boundary: a request with its sequence number, and the answer to it. */
export interface Envelope {
  readonly seq: number;
  readonly request: GraphRequest;
}
export type Answer = { readonly seq: number; readonly ok: true; readonly value: unknown } | { readonly seq: number; readonly ok: false; readonly message: string };
