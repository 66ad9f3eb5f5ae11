/**
 * updateElement on a headless Cytoscape: only fields that changed are written, so an
 * element left as it was is not restyled (no `data` event, which Cytoscape fires with
 * every restyle-causing write), and a node is moved only when its place changed.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { updateElement } from '../../../renderer/graph/cy-update.ts';

function scene(): { cy: cytoscape.Core; events: string[] } {
  const cy = cytoscape({
    headless: true, styleEnabled: true, layout: { name: 'preset' },
    elements: [
      { group: 'nodes', data: { id: 'a', label: 'A', width: 40 }, position: { x: 1, y: 2 } },
      { group: 'nodes', data: { id: 'b', label: 'B', width: 40 }, position: { x: 5, y: 2 } },
      { group: 'edges', data: { id: 'e', source: 'a', target: 'b', label: '' } },
    ],
  });
  const events: string[] = [];
  cy.on('data position', (e) => void events.push(`${e.type} ${(e.target as cytoscape.SingularElementArgument).id()}`));
  return { cy, events };
}

describe('updateElement', () => {
  it('writes nothing when nothing changed', () => {
    const { cy, events } = scene();
    updateElement(cy.getElementById('a'), { id: 'a', label: 'A', width: 40 }, { x: 1, y: 2 });
    updateElement(cy.getElementById('e'), { id: 'e', source: 'a', target: 'b', label: '' });
    expect(events).toEqual([]);
    cy.destroy();
  });

  it('writes the fields that changed, and moves a node that moved', () => {
    const { cy, events } = scene();
    updateElement(cy.getElementById('a'), { id: 'a', label: 'A2', width: 40 }, { x: 3, y: 2 });
    updateElement(cy.getElementById('e'), { id: 'e', source: 'a', target: 'b', label: '×2' });
    expect(events).toEqual(['data a', 'position a', 'data e']);
    expect(cy.getElementById('a').data()).toMatchObject({ label: 'A2', width: 40 });
    expect(cy.getElementById('a').position()).toEqual({ x: 3, y: 2 });
    expect(cy.getElementById('e').data('label')).toBe('×2');
    cy.destroy();
  });
});
