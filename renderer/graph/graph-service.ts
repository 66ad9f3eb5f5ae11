/**
 * The graph work that is too heavy for the page: decoding the GraphDef, building the
 * hierarchy with TensorBoard's grouping (Const/summary embeddings, series, TF 2.x function
 * libraries as scopes), node details and the layout (each open scope laid out on its own
 * by layered-layout.ts and cached, see src/graph/scope-layout.ts, with TensorBoard's
 * auxiliary nodes moved to side columns by aux-layouter.ts). Runs in the graph
 * worker (graph-worker.ts), or on the page where a worker cannot start (graph-backend.ts).
 */
import { decodeGraphDefLazily } from '../../src/format/graph-def-lazy.ts';
import type { NodeDef } from '../../src/format/protos.ts';
import {
  graphNodesWithLibrary, layoutVisible, nodeDetails, normalizeExpanded, outputShapes, ScopeLayoutCache, ScopeTree, VIEW_GROUPING,
  type GraphNodeLike, type InclusionMap, type Layouter, type TensorShape,
} from '../../src/graph/index.ts';
import { createAuxLayouter, type AuxLayouter } from './aux-layouter.ts';
import type { AuxiliaryLayout, GraphRequest, LoadedGraph, PlacedBoxes, SeriesGrouping } from './graph-protocol.ts';
import type { GraphLanguage } from './graph-text.ts';
import { layOutLayered } from './layered-layout.ts';
import { NodeLook } from './node-style.ts';
import { createPartLayouter } from './part-layouter.ts';

/** A library function's body node carries no `attr`/`device` when its FunctionDef gave none; the details panel reads both. */
const asNodeDef = (n: GraphNodeLike): NodeDef => ('attr' in n && n.attr !== undefined && n.device !== undefined
  ? n as NodeDef
  : { ...n, device: n.device ?? '', attr: n.attr ?? {} } as unknown as NodeDef);

type ShapesOf = (node: number) => readonly (TensorShape | null)[] | null;

export class GraphService {
  private graph = 0;
  private tree: ScopeTree | null = null;
  private nodes: readonly NodeDef[] = [];
  /** Output shapes of `nodes[i]` for the tree build, read from the bytes for the GraphDef's own nodes. */
  private shapesOf: ShapesOf = () => null;
  private readonly layouter: Layouter = createPartLayouter(layOutLayered);
  private readonly caches = new Map<GraphLanguage, { look: NodeLook; cache: ScopeLayoutCache }>();
  /** The layouter for the last inclusion map seen (its splits are memoised per map). */
  private aux: { inclusion: string; layouter: AuxLayouter } | null = null;

  async handle(request: GraphRequest): Promise<unknown> {
    if (request.type === 'load') return this.load(request.bytes);
    if (request.graph !== this.graph || this.tree === null) throw new Error('the graph changed');
    if (request.type === 'regroup') return this.build(request.grouping, 0);
    if (request.type === 'details') return nodeDetails(this.tree, this.nodes, request.id);
    return this.layout(this.tree, request.expanded, request.lang, request.inclusion ?? {});
  }

  /**
   * The GraphDef's nodes keep their attrs undecoded until the details panel asks for one
   * (src/format/graph-def-lazy.ts: the decode was the largest phase of the first render);
   * the build reads their output shapes from the bytes.
   */
  private load(bytes: Uint8Array): LoadedGraph {
    const t0 = performance.now();
    const lazy = decodeGraphDefLazily(bytes);
    const own = lazy.def.node.length;
    // Library function bodies come after the GraphDef's nodes, decoded by protobuf-es: only they need `asNodeDef`.
    this.nodes = graphNodesWithLibrary(lazy.def).map((n, i) => (i < own ? n as NodeDef : asNodeDef(n)));
    this.shapesOf = (i) => (i < own ? lazy.outputShapes(i) : outputShapes(this.nodes[i]!.attr));
    return this.build({}, performance.now() - t0);
  }

  private build(grouping: SeriesGrouping, decodeMs: number): LoadedGraph {
    const t0 = performance.now();
    this.tree = ScopeTree.fromNodes(this.nodes, { ...VIEW_GROUPING, seriesGrouping: grouping, outputShapes: this.shapesOf });
    this.tree.metaEdges(0); // bundle every edge now, once, rather than in the first layout
    this.graph++;
    this.caches.clear();
    this.aux = null;
    return { graph: this.graph, tree: this.tree.data, decodeMs, buildMs: performance.now() - t0 };
  }

  private async layout(tree: ScopeTree, expanded: readonly number[], lang: GraphLanguage, inclusion: InclusionMap): Promise<PlacedBoxes> {
    const t0 = performance.now();
    let entry = this.caches.get(lang);
    if (entry === undefined) {
      entry = { look: new NodeLook(tree, lang), cache: new ScopeLayoutCache() };
      this.caches.set(lang, entry);
    }
    const key = JSON.stringify(Object.entries(inclusion).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (this.aux?.inclusion !== key) this.aux = { inclusion: key, layouter: createAuxLayouter(tree, inclusion, this.layouter) };
    const layouter = this.aux.layouter; // kept: on the page (no worker) another request may replace this.aux meanwhile
    const open = normalizeExpanded(tree, expanded);
    const placed = await layoutVisible(tree, open, entry.look, layouter, entry.cache);
    const boxes = new Float64Array(placed.size * 5);
    let i = 0;
    for (const [id, p] of placed) {
      boxes.set([id, p.x, p.y, p.width, p.height], i);
      i += 5;
    }
    return { boxes, ms: performance.now() - t0, aux: auxiliaryOf(tree, open, layouter) };
  }
}

/** The side columns and stubs of the top level and every open scope. */
function auxiliaryOf(tree: ScopeTree, open: ReadonlySet<number>, layouter: AuxLayouter): AuxiliaryLayout {
  const inExtract: number[] = [];
  const outExtract: number[] = [];
  const stubs: number[] = [];
  for (const scope of [ScopeTree.ROOT, ...open]) {
    const s = layouter.split(scope);
    inExtract.push(...s.inExtract);
    outExtract.push(...s.outExtract);
    for (const m of s.stubs) stubs.push(m.source, m.target);
  }
  return { inExtract, outExtract, stubs: Int32Array.from(stubs) };
}
