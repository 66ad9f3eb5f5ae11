/**
 * How nodes look: op categories with colours (light theme, matching app.css), the label
 * text of each drawn node, the size the layout reserves for it, and the Cytoscape
 * stylesheet. Scopes are rounded boxes, ops ellipses with their op type under the name;
 * data edges solid with arrows, control edges dashed.
 */
import type cytoscape from 'cytoscape';
import type { BoxSize, Embeddings, LayoutStyle, ScopeTree } from '../../src/graph/index.ts';
import { graphText, type GraphLanguage } from './graph-text.ts';

export type NodeCategory = 'scope' | 'series' | 'op' | 'variable' | 'input' | 'const' | 'summary' | 'train' | 'control';

const CATEGORY_OPS: [NodeCategory, RegExp][] = [
  ['variable', /^(VariableV2|Variable|VarHandleOp|ReadVariableOp|AutoReloadVariable)$/],
  ['input', /^(Placeholder|PlaceholderWithDefault|IO Node|Input|_Arg|IteratorGetNext|QueueDequeue.*|FIFOQueue.*)$/],
  ['const', /^(Const|HostConst)$/],
  ['summary', /Summary(V2)?$|^(MergeSummary|Print|PrintV2|StringFormat)$/],
  ['train', /^(Apply|ResourceApply|Assign)/],
  ['control', /^(NoOp|Assert|ControlTrigger)$/],
];

export function categoryOf(op: string): NodeCategory {
  for (const [cat, re] of CATEGORY_OPS) if (re.test(op)) return cat;
  return 'op';
}

/** Fill and border per category (the colours the SVG export reads back from Cytoscape). */
export const COLOURS: Record<NodeCategory | 'expanded', { fill: string; border: string }> = {
  scope: { fill: '#dbe8f7', border: '#5b7fb0' },
  series: { fill: '#e6eefa', border: '#5b7fb0' },
  expanded: { fill: '#f4f8fd', border: '#9db4d3' },
  op: { fill: '#ffffff', border: '#8c959f' },
  variable: { fill: '#fff3c4', border: '#b7860b' },
  input: { fill: '#dcf5e1', border: '#2c8a47' },
  const: { fill: '#f3f4f6', border: '#b3bac2' },
  summary: { fill: '#f3e8fd', border: '#8250df' },
  train: { fill: '#ffe9e3', border: '#c4512a' },
  control: { fill: '#ffffff', border: '#8c959f' },
};

const ACCENT = '#e8710a';
/** The labels' font (label-font.ts loads it before the first draw). */
export const LABEL_FONT_FAMILY = 'Noto Sans JP, system-ui, sans-serif';
const FONT_SIZE = 11;
const LINE_HEIGHT = 14;
const CHAR_WIDTH = 6.6;
const MAX_LABEL = 30;

/** Keeps both ends of a long name: the end tells ops apart (`…/conv2d_grad/Conv2DBackpropInput`). */
function shorten(s: string): string {
  if (s.length <= MAX_LABEL) return s;
  const keep = MAX_LABEL - 1;
  return `${s.slice(0, Math.ceil(keep / 2))}…${s.slice(s.length - Math.floor(keep / 2))}`;
}

/** East Asian characters take about twice the width of Latin ones. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return w * CHAR_WIDTH;
}

export class NodeLook implements LayoutStyle {
  readonly padding = 14;
  readonly labelHeight = 20;

  constructor(private readonly tree: ScopeTree, private readonly lang: GraphLanguage) {}

  /**
   * The label of a drawn node; expanded scopes show only their name (above the box). A
   * series says how many ops it stands for (`add[1-9]` / `×9 Add`); an op with embedded
   * Consts or summaries carries them as badges after its type (`MatMul ◆2 Σ1`), as
   * TensorBoard draws small icons rather than nodes for them.
   */
  label(id: number, expanded: boolean): string {
    const leaf = shorten(this.tree.leaf(id));
    if (expanded) return leaf;
    const series = this.tree.seriesAt(id);
    if (series !== undefined) return `${leaf}\n${graphText(this.lang, 'seriesCount', { count: series.members.length, op: series.op })}`.trimEnd();
    if (this.tree.isScope(id)) return `${leaf}\n${graphText(this.lang, 'ops', { count: this.tree.opCount(id) })}`;
    return `${leaf}\n${shorten(this.tree.op(id))}${embedBadges(this.tree.embeddings(id))}`;
  }

  category(id: number): NodeCategory {
    return this.tree.isSeries(id) ? 'series' : this.tree.isScope(id) ? 'scope' : categoryOf(this.tree.op(id));
  }

  leafSize(id: number): BoxSize {
    const lines = this.label(id, false).split('\n');
    const scope = this.tree.isScope(id);
    const width = Math.max(scope ? 84 : 60, Math.ceil(Math.max(...lines.map(textWidth)) + (scope ? 22 : 30)));
    return { width, height: lines.length * LINE_HEIGHT + (scope ? 16 : 12) };
  }
}

/** ` ◆2 Σ1`: how many Consts (in) and summaries (out) are embedded in an op; '' for none. */
export function embedBadges(e: Embeddings): string {
  return `${e.in.length > 0 ? ` ◆${e.in.length}` : ''}${e.out.length > 0 ? ` Σ${e.out.length}` : ''}`;
}

/** Cytoscape takes a data mapper for z-index; its typings allow only numbers and functions. */
const Z_FROM_DATA = 'data(z)' as unknown as number;

export function stylesheet(): cytoscape.StylesheetJson {
  const byCategory = (Object.keys(COLOURS) as (keyof typeof COLOURS)[]).filter((c) => c !== 'expanded' && c !== 'scope')
    .map((c) => ({ selector: `node[category = "${c}"]`, style: { 'background-color': COLOURS[c].fill, 'border-color': COLOURS[c].border } }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-family': LABEL_FONT_FAMILY, 'font-size': FONT_SIZE, color: '#1f2328',
        // Cytoscape's defaults are left out (shape ellipse, text-halign center): every property
        // set here is applied to each element with its own change triggers on its first draw.
        'text-wrap': 'wrap', 'text-valign': 'center', 'line-height': LINE_HEIGHT / FONT_SIZE,
        width: 'data(width)', height: 'data(height)', 'border-width': 1, 'min-zoomed-font-size': 5,
        // Expanded scopes are plain nodes under their children (cy-scene.ts): draw by depth.
        'z-index-compare': 'manual', 'z-index': Z_FROM_DATA,
      },
    },
    ...byCategory,
    { selector: 'node[category = "control"]', style: { 'border-style': 'dashed' } },
    { selector: 'node[category = "const"]', style: { color: '#57606a' } },
    {
      selector: 'node[kind = "scope"]',
      style: {
        shape: 'round-rectangle', 'background-color': COLOURS.scope.fill, 'border-color': COLOURS.scope.border, 'border-width': 1.5,
        'font-weight': 'bold',
      },
    },
    { selector: 'node[kind = "scope"][category = "series"]', style: { 'border-style': 'double', 'border-width': 4, 'background-color': COLOURS.series.fill } },
    {
      selector: 'node[kind = "expanded"]',
      style: {
        shape: 'round-rectangle', 'background-color': COLOURS.expanded.fill, 'border-color': COLOURS.expanded.border, 'border-width': 1.5,
        'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -4, 'font-weight': 'bold', color: '#3d5a80',
      },
    },
    { selector: 'node.hit', style: { 'underlay-color': ACCENT, 'underlay-opacity': 0.18, 'underlay-padding': 6 } },
    { selector: 'node:selected', style: { 'border-color': ACCENT, 'border-width': 3 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)', 'line-color': '#6e7781', 'target-arrow-color': '#6e7781', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8, 'curve-style': 'straight', label: 'data(label)', 'font-size': 9, color: '#57606a',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'min-zoomed-font-size': 6,
        'z-index-compare': 'manual', 'z-index': Z_FROM_DATA,
      },
    },
    // Two edges between one pair of nodes curve apart; a lone edge is straight (cy-scene.ts `sharedPairs`).
    { selector: 'edge[?parallel]', style: { 'curve-style': 'bezier' } },
    // TensorBoard draws reference edges (Assign's variable input) orange with a marker at the source.
    { selector: 'edge[?ref]', style: { 'line-color': '#e8a33d', 'target-arrow-color': '#e8a33d', 'source-arrow-shape': 'circle', 'source-arrow-color': '#e8a33d' } },
    { selector: 'edge[?control]', style: { 'line-style': 'dashed', 'line-color': '#a0a8b1', 'target-arrow-color': '#a0a8b1' } },
    // Colour by structure or device (node-tint.ts) overrides the category fill; expanded boxes keep theirs.
    { selector: 'node[?tint][kind != "expanded"]', style: { 'background-color': 'data(tint)' } },
    // Auxiliary nodes (aux-scene.ts): a faint band behind each side column, edges cut to them as short stubs ending in a dot.
    {
      selector: 'node[kind = "band"]',
      style: {
        shape: 'round-rectangle', 'background-color': '#f3f5f8', 'border-color': '#d0d7de', 'border-width': 1, 'border-style': 'dashed',
        label: '', events: 'no',
      },
    },
    {
      selector: 'node[kind = "stub"]',
      style: {
        shape: 'ellipse', 'background-color': '#8c959f', 'border-width': 0, 'font-size': 8, color: '#57606a', 'text-valign': 'center',
        'min-zoomed-font-size': 7, 'text-wrap': 'none',
      },
    },
    { selector: 'node[stubEnd = "out"]', style: { 'text-halign': 'right', 'text-margin-x': 3 } },
    { selector: 'node[stubEnd = "in"]', style: { 'text-halign': 'left', 'text-margin-x': -3 } },
    { selector: 'edge[?stub]', style: { 'curve-style': 'straight', 'arrow-scale': 0.6 } },
    { selector: 'node.traced', style: { 'border-color': ACCENT, 'border-width': 2 } },
    { selector: '.dimmed', style: { opacity: 0.25 } },
    { selector: 'node.dimmed[kind = "expanded"]', style: { opacity: 0.6 } },
    { selector: 'edge.traced', style: { 'line-color': ACCENT, 'target-arrow-color': ACCENT } },
    { selector: 'edge.linked', style: { 'line-color': ACCENT, 'target-arrow-color': ACCENT } },
  ];
}
