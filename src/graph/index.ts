/**
 * The graph view's data, without a screen: GraphDef → scope hierarchy (TensorBoard's
 * metanodes), what is drawn for a set of expanded scopes with edges lifted and counted,
 * search, the info panel's details, and the per-scope layout plan. The view
 * (renderer/graph/) draws what these compute.
 *
 *     const tree = ScopeTree.fromNodes(decodeGraphDef(bytes).node);
 *     const best = searchTree(tree, 'formula').hits[0];
 *     const drawn = visibleGraph(tree, revealing(tree, new Set(), best!));
 */
export { parseInput, edgeInputs, type NodeInput } from './node-input.ts';
export {
  buildScopeTreeData, strictName, type GraphNodeLike, type ScopeTreeData, type ScopeTreeOptions, type SeriesRecord,
} from './scope-tree-data.ts';
export { ScopeTree, type Embeddings, type EntryKind, type MetaEdge } from './scope-tree.ts';
export { detectSeries, seriesName, SERIES_MIN_SIZE, type DetectedSeries, type SeriesCandidate } from './series.ts';
export { splitScope, withInclusion, type Inclusion, type InclusionMap, type ScopeSplit } from './auxiliary.ts';
export { MAX_EXTRACTED_SHARE, scopeChoices, viewSplit } from './auxiliary-view.ts';
export { detectTemplates, templateHue, type StructureTemplate, type StructureTemplates } from './templates.ts';
export { planScopeSeries, type PlannedScopeSeries } from './scope-series.ts';
export { traceInputs, type TracedInputs, type TraceOptions } from './trace-inputs.ts';
export { FUNCTION_LIBRARY_PREFIX, graphNodesWithLibrary, libraryFunctions, type LibraryFunction } from './function-library.ts';
export { outputShapes, shapeLabel, sizeOfOutputs, type TensorShape } from './tensor-shapes.ts';
export { isReferenceInput, normalizeDevice, VIEW_GROUPING } from './tb-rules.ts';
export { collapsing, normalizeExpanded, revealing, stubbedEdges, visibleGraph, type VisibleEdge, type VisibleGraph } from './visible-graph.ts';
export { parseQuery, searchTree, type SearchResult } from './search.ts';
export { attrText, bytesText, dtypeName, shapeText, tensorText, MAX_SHOWN_VALUES } from './attr-text.ts';
export {
  childSummaries, nodeDetails, MAX_SCOPE_LINKS, type ChildSummary, type LinkedNode, type NodeDetails, type OpDetails, type ScopeDetails,
} from './node-details.ts';
export {
  layoutVisible, ScopeLayoutCache, type BoxSize, type LayoutJob, type LayoutResult, type Layouter, type LayoutStyle, type Placed,
} from './scope-layout.ts';
export { connectedParts, packRows, type PackOptions } from './pack.ts';
