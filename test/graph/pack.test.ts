import { describe, expect, it } from 'vitest';
import { connectedParts, packRows } from '../../src/graph/pack.ts';
import type { LayoutJob } from '../../src/graph/scope-layout.ts';

const job = (n: number, edges: [number, number][]): LayoutJob => ({
  scope: 0,
  nodes: Array.from({ length: n }, (_, i) => ({ id: 10 + i, width: 50, height: 20 })),
  edges: edges.map(([s, t]) => ({ source: 10 + s, target: 10 + t, control: false, count: 1 })),
});

describe('connected parts', () => {
  it('groups nodes joined by edges either way, in job order', () => {
    expect(connectedParts(job(6, [[3, 1], [4, 5], [5, 3]]))).toEqual([[10], [11, 13, 14, 15], [12]]);
    expect(connectedParts(job(3, []))).toEqual([[10], [11], [12]]);
  });

  it('equals a flood fill on random graphs', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 20; trial++) {
      const n = 2 + Math.floor(rand() * 30);
      const edges: [number, number][] = Array.from({ length: Math.floor(rand() * n) }, () => [Math.floor(rand() * n), Math.floor(rand() * n)]);
      const adj = Array.from({ length: n }, () => [] as number[]);
      for (const [a, b] of edges) adj[a]!.push(b), adj[b]!.push(a);
      const label = new Array<number>(n).fill(-1);
      for (let s = 0; s < n; s++) {
        if (label[s] !== -1) continue;
        const stack = [s];
        label[s] = s;
        while (stack.length > 0) for (const v of adj[stack.pop()!]!) if (label[v] === -1) (label[v] = s), stack.push(v);
      }
      const want = new Map<number, number[]>();
      for (let i = 0; i < n; i++) want.set(label[i]!, [...(want.get(label[i]!) ?? []), 10 + i]);
      expect(connectedParts(job(n, edges))).toEqual([...want.values()]);
    }
  });
});

describe('packRows', () => {
  it('fills rows up to the aspect ratio, without overlaps, in order', () => {
    const boxes = Array.from({ length: 40 }, (_, i) => ({ width: 40 + (i % 3) * 30, height: 20 + (i % 4) * 10 }));
    const at = packRows(boxes, { gap: 10, aspect: 1.6 });
    const width = Math.max(...at.map((p, i) => p.x + boxes[i]!.width));
    const height = Math.max(...at.map((p, i) => p.y + boxes[i]!.height));
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.2);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = { ...at[i]!, ...boxes[i]! };
        const b = { ...at[j]!, ...boxes[j]! };
        const apart = a.x + a.width + 10 <= b.x || b.x + b.width + 10 <= a.x || a.y + a.height + 10 <= b.y || b.y + b.height + 10 <= a.y;
        expect(apart).toBe(true);
      }
      if (i > 0) expect(at[i]!.y > at[i - 1]!.y || at[i]!.x > at[i - 1]!.x).toBe(true);
    }
  });

  it('puts a single box at the origin and never makes a row narrower than the widest box', () => {
    expect(packRows([{ width: 10, height: 5 }], { gap: 4 })).toEqual([{ x: 0, y: 0 }]);
    expect(packRows([{ width: 500, height: 5 }, { width: 10, height: 5 }], { gap: 4 })).toEqual([{ x: 0, y: 0 }, { x: 0, y: 9 }]);
  });
});
