/**
 * A WebGL2 context for browser tests. Tests are type-checked with tsconfig.node.json
 * (no DOM library), so the one DOM entry point used is declared here.
 */
import type { GL2 } from '../../src/backend/webgl/index.ts';

declare const OffscreenCanvas: new (width: number, height: number) => { getContext(kind: 'webgl2'): unknown };

export function createGL(): GL2 {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (gl === null) throw new Error('No WebGL2 in this browser');
  return gl as GL2;
}
