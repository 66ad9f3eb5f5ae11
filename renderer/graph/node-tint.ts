/**
 * "Colour by" (TensorBoard's colour modes): by structure, scopes of one template share a
 * hue (src/graph/templates.ts, `templateHue`); by device, each device gets a colour from a
 * fixed palette and a scope takes its most common device's; none keeps the op categories.
 *
 *     const tint = nodeTints(tree, 'device');
 *     tint.of(tree.byNodeName('MatMul')!)   // '#c9e2f5'
 *     tint.legend                           // [['GPU:0', '#c9e2f5'], ['CPU:0', '#fde2c4']]
 */
import type cytoscape from 'cytoscape';
import { detectTemplates, templateHue, type ScopeTree, type StructureTemplates } from '../../src/graph/index.ts';

export type ColourMode = 'structure' | 'device' | 'none';

export const COLOUR_MODES: readonly ColourMode[] = ['structure', 'device', 'none'];

export interface NodeTints {
  /** The fill for an entry, or null to keep its category's. */
  of(id: number): string | null;
  /** What each colour means (devices only: template hues have no names worth showing). */
  readonly legend: readonly (readonly [label: string, colour: string])[];
}

/** Light fills, far apart, readable under black text. */
const DEVICE_PALETTE = ['#c9e2f5', '#fde2c4', '#d5f0d0', '#f3d0e6', '#e4dcf6', '#f6f0bd', '#cdeeea', '#f2d5cc'];
const UNKNOWN_DEVICE = '#eceff2';

const NONE: NodeTints = { of: () => null, legend: [] };

const templatesOf = new WeakMap<ScopeTree, StructureTemplates>();

export function nodeTints(tree: ScopeTree, mode: ColourMode): NodeTints {
  if (mode === 'none') return NONE;
  if (mode === 'structure') {
    let t = templatesOf.get(tree);
    if (t === undefined) templatesOf.set(tree, (t = detectTemplates(tree)));
    const templateOf = t.templateOf;
    return { of: (id) => (templateOf[id]! >= 0 ? `hsl(${templateHue(templateOf[id]!).toFixed(0)}, 60%, 85%)` : null), legend: [] };
  }
  const devices = tree.deviceHistogram(0).map(([d]) => d);
  const colour = new Map(devices.map((d, i) => [d, DEVICE_PALETTE[i % DEVICE_PALETTE.length]!]));
  const of = (id: number): string => {
    const d = tree.isScope(id) ? tree.deviceHistogram(id)[0]?.[0] ?? '' : tree.device(id);
    return colour.get(d) ?? UNKNOWN_DEVICE;
  };
  return { of, legend: devices.map((d) => [d, colour.get(d)!] as const) };
}

/**
 * Gives each drawn node its tint as `data(tint)`, '' for none (node-style.ts `node[?tint]`),
 * written only where it changes: every `data()` write restyles its node in the next frame
 * (cy-update.ts), and this runs after every draw.
 *
 *     applyTints(cy, nodeTints(tree, 'device'));
 */
export function applyTints(cy: cytoscape.Core, tints: NodeTints): void {
  cy.batch(() => cy.nodes().forEach((n) => {
    const c = tints.of(n.data('entry') as number) ?? '';
    if (((n.data('tint') as string | undefined) ?? '') !== c) n.data('tint', c);
  }));
}
