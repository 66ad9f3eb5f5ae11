/**
 * The warm-up sample (renderer/graph/cy-warmup.ts): it must meet every kind of element the
 * view draws, so that each rule of the stylesheet runs once, and leave nothing behind.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { sampleScene, warmUpStyle } from '../../../renderer/graph/cy-warmup.ts';
import { stylesheet } from '../../../renderer/graph/node-style.ts';

describe('warmUpStyle', () => {
  it('has an element for every data rule of the stylesheet except the decorations', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
    cy.add(sampleScene());
    const unmatched = stylesheet().map((r) => r.selector).filter((s) => !/:selected|\.hit|\.traced|\.dimmed|\.linked/.test(s) && cy.elements(s).empty());
    expect(unmatched).toEqual([]);
    cy.destroy();
  });

  it('styles and measures the sample in a later task and removes it', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
    let styled = 0;
    cy.on('style', () => void styled++);
    warmUpStyle(cy);
    expect(cy.elements().length).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(styled).toBeGreaterThan(0);
    expect(cy.elements().length).toBe(0);
    cy.destroy();
  });

  it('does nothing once cancelled', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
    let added = 0;
    cy.on('add', () => void added++);
    warmUpStyle(cy)();
    await new Promise((r) => setTimeout(r, 0));
    expect(added).toBe(0);
    cy.destroy();
  });
});
