/**
 * Updating an element Cytoscape already draws, touching only what changed. Cytoscape 3.35
 * marks an element's style dirty on every `data(...)` call, changed or not, and restyles
 * it in the next frame with every mapped property (`data(label)`, `data(width)`, …)
 * applied again, each firing its bounds triggers; `position(...)` always dirties bounds.
 * An expand keeps most drawn elements as they were, so writing them all again cost the
 * frame after it about as much as drawing them new.
 *
 *     const existing = cy.getElementById(data.id);
 *     if (existing.nonempty()) updateElement(existing, data, position);
 */
import type cytoscape from 'cytoscape';

export function updateElement(el: cytoscape.SingularElementArgument, data: Readonly<Record<string, unknown>>, position?: cytoscape.Position): void {
  const old = el.data() as Record<string, unknown>;
  let changed: Record<string, unknown> | null = null;
  for (const key of Object.keys(data)) if (old[key] !== data[key]) (changed ??= {})[key] = data[key];
  if (changed !== null) el.data(changed);
  if (position === undefined || !el.isNode()) return;
  const at = el.position();
  if (at.x !== position.x || at.y !== position.y) el.position(position);
}
