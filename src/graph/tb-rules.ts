/**
 * TensorBoard's fixed tables for its graph dashboard (tf_graph_common/graph.ts
 * `defaultBuildParams`, render.ts `PARAMS`, tf-graph-controls device names), kept in one
 * place so every rule cites the same values.
 *
 *     isReferenceInput('Assign', 0)   // true: Assign writes through its first input
 *     normalizeDevice('/job:localhost/replica:0/task:0/device:GPU:0')   // 'GPU:0'
 */

/** The grouping the graph view draws with (ScopeTree options): TensorBoard's embeddings and series. */
export const VIEW_GROUPING = { embed: true, series: true } as const;

/** Op types whose node TensorBoard embeds in each consumer as a small icon (`inEmbeddingTypes`, regexes). */
export const IN_EMBED_TYPES: readonly RegExp[] = [/Const/];
/** Op types embedded in each of their inputs (`outEmbeddingTypes`): summaries. */
export const OUT_EMBED_TYPES: readonly RegExp[] = [/^[a-zA-Z]+Summary$/];

/** `refEdges`: TensorBoard lists `<op> 0` for each of these ops: their input 0 is a reference the op writes through. */
const REF_INPUT_0_OPS = new Set([
  'Assign', 'AssignAdd', 'AssignSub', 'assign', 'assign_add', 'assign_sub', 'count_up_to',
  'ScatterAdd', 'ScatterSub', 'ScatterUpdate', 'scatter_add', 'scatter_sub', 'scatter_update',
]);

/**
 * Whether input `index` of an op of type `op` is a reference edge. TensorBoard counts the
 * index among the node's inputs after dropping repeats of the same source (node-input.ts
 * `edgeInputs`), control inputs included.
 */
export function isReferenceInput(op: string, index: number): boolean {
  return index === 0 && REF_INPUT_0_OPS.has(op);
}

export function matchesAny(op: string, types: readonly RegExp[]): boolean {
  for (const t of types) if (t.test(op)) return true;
  return false;
}

/** render.ts `PARAMS` for moving nodes out of a scope's main graph. */
export const EXTRACTION = {
  minNodeCountForExtraction: 15,
  minDegreeForExtraction: 5,
  maxControlDegree: 4,
  outExtractTypes: ['NoOp'] as readonly string[],
  inExtractTypes: [] as readonly string[],
} as const;

const DEVICE_NAME = /device:([^:]+:[0-9]+)$/;
const SHORT_DEVICE = /(?:^|\/)((?:cpu|gpu|tpu|CPU|GPU|TPU)):([0-9]+)$/;

/**
 * The device as TensorBoard lists it (`DEVICE_NAME_REGEX`: the part after `device:`),
 * also for TF 0.x/1.0 short names (`/gpu:0` → `GPU:0`); '' when unset.
 */
export function normalizeDevice(device: string): string {
  if (device === '') return '';
  const full = DEVICE_NAME.exec(device);
  if (full !== null) return full[1]!;
  const short = SHORT_DEVICE.exec(device);
  return short === null ? device : `${short[1]!.toUpperCase()}:${short[2]!}`;
}
