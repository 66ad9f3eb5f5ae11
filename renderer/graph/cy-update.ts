/**
 * Updating an element Cytoscape already draws, touching only what changed. Cytoscape 3.35
 * marks an element's style dirty on every `data(...)` call, changed or not, and restyles
 * it in the next frame with every mapped property (`data(label)`, `data(width)`, …)
 * applied again, each firing its bounds triggers; `position(...)` always dirties bounds.
 * An expand keeps most drawn elements as they were, so writing them all again cost the
 * frame after it about as much as drawing them new.
 *
 *     syncElements(cy, [...nodes, ...edges]); // drawn now: exactly these, as few writes as can be
 */
import type cytoscape from 'cytoscape';

/**
 * Makes Cytoscape hold exactly `defs` (each with `data.id`): removes the others, writes kept
 * elements only where their data or position changed, adds the new ones. An id names an
 * element's ends (cy-scene.ts keys), so a kept edge never needs new ones.
 */
export function syncElements(cy: cytoscape.Core, defs: readonly cytoscape.ElementDefinition[]): void {
  const want = new Set(defs.map((d) => d.data.id!));
  cy.elements().filter((el) => !want.has(el.id())).remove();
  const additions: cytoscape.ElementDefinition[] = [];
  for (const d of defs) {
    const existing = cy.getElementById(d.data.id!);
    if (existing.nonempty()) updateElement(existing, d.data, d.position);
    else additions.push(d);
  }
  cy.add(additions);
}

export function updateElement(el: cytoscape.SingularElementArgument, data: Readonly<Record<string, unknown>>, position?: cytoscape.Position): void {
  const old = el.data() as Record<string, unknown>;
  let changed: Record<string, unknown> | null = null;
  for (const key of Object.keys(data)) if (old[key] !== data[key]) (changed ??= {})[key] = data[key];
  if (changed !== null) el.data(changed);
  if (position === undefined || !el.isNode()) return;
  const at = el.position();
  if (at.x !== position.x || at.y !== position.y) el.position(position);
}

/**
 * Applies the stylesheet now, in this task, to every element whose style is out of date,
 * rather than in Cytoscape's next frame, which also measures labels, places edges and
 * draws: the first frame of MobileNet's top level was one 110–145 ms task of CPU.
 * Reading any style property makes Cytoscape apply an element's style if it is dirty.
 */
export function styleNow(cy: cytoscape.Core): void {
  cy.elements().forEach((el) => void el.style('display'));
}
