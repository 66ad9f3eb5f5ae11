/**
 * updateElement on a headless Cytoscape: only fields that changed are written, so an
 * element left as it was is not restyled (no `data` event, which Cytoscape fires with
 * every restyle-causing write), and a node is moved only when its place changed;
 * syncElements keeps, adds and removes by id; styleNow styles in the caller's task.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { styleNow, syncElements, updateElement } from '../../../renderer/graph/cy-update.ts';

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

describe('syncElements', () => {
  it('removes what is not wanted, keeps the rest as they are, and adds the new', () => {
    const { cy, events } = scene();
    const a = cy.getElementById('a');
    syncElements(cy, [
      { group: 'nodes', data: { id: 'a', label: 'A', width: 40 }, position: { x: 1, y: 2 } },
      { group: 'nodes', data: { id: 'c', label: 'C', width: 40 }, position: { x: 9, y: 2 } },
      { group: 'edges', data: { id: 'f', source: 'a', target: 'c', label: '' } },
    ]);
    expect(cy.elements().map((el) => el.id()).sort()).toEqual(['a', 'c', 'f']);
    expect(cy.getElementById('a').same(a)).toBe(true);
    expect(events).toEqual([]); // `a` left as it was
    cy.destroy();
  });
});

describe('styleNow', () => {
  it('applies the stylesheet to new elements before any frame', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 'data(width)' } }] });
    cy.add({ group: 'nodes', data: { id: 'a', width: 40 } });
    const dirty = (): boolean => (cy.getElementById('a') as unknown as { _private: { styleDirty: boolean } })._private.styleDirty;
    expect(dirty()).toBe(true);
    styleNow(cy);
    expect(dirty()).toBe(false);
    cy.destroy();
  });
});
