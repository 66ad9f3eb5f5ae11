/**
 * `MatMul` with TF's `transpose_a` / `transpose_b`: one fragment per output element, a dot
 * product over the shared dimension accumulated in float32 in order k = 0, 1, …, as the
 * CPU kernel does. A tiled, packed-RGBA variant is future work (issue 5).
 */
import type { GpuProgram } from '../program.ts';

export function matMulProgram(aShape: readonly number[], bShape: readonly number[], transposeA: boolean, transposeB: boolean): GpuProgram {
  const [m, k] = transposeA ? [aShape[1]!, aShape[0]!] : [aShape[0]!, aShape[1]!];
  const [k2, n] = transposeB ? [bShape[1]!, bShape[0]!] : [bShape[0]!, bShape[1]!];
  if (k !== k2) throw new Error(`Matrix size-incompatible: In[0]: [${aShape.join(',')}], In[1]: [${bShape.join(',')}]`);
  // Element (r, kk) of op(a) and (kk, c) of op(b), as flat indices and their steps along kk.
  const aAt = transposeA ? 'r' : `r * ${k}`;
  const aStep = transposeA ? m : 1;
  const bAt = transposeB ? `c * ${k}` : 'c';
  const bStep = transposeB ? 1 : n;
  return {
    name: 'MatMul',
    inputs: ['x0', 'x1'],
    outputShape: [m, n],
    // Walk each input with a texel cursor instead of dividing per read: a step of `s`
    // elements is a fixed texel step (s % w, s / w) plus a carry when x passes the row end.
    source: `float compute(int i) {
  int r = i / ${n};
  int c = i - r * ${n};
  int wa = textureSize(x0, 0).x;
  int wb = textureSize(x1, 0).x;
  int ia = ${aAt};
  int ib = ${bAt};
  ivec2 pa = ivec2(ia % wa, ia / wa);
  ivec2 pb = ivec2(ib % wb, ib / wb);
  ivec2 da = ivec2(${aStep} % wa, ${aStep} / wa);
  ivec2 db = ivec2(${bStep} % wb, ${bStep} / wb);
  float s = 0.0;
  for (int kk = 0; kk < ${k}; kk++) {
    s += texelFetch(x0, pa, 0).r * texelFetch(x1, pb, 0).r;
    pa += da;
    if (pa.x >= wa) { pa.x -= wa; pa.y += 1; }
    pb += db;
    if (pb.x >= wb) { pb.x -= wb; pb.y += 1; }
  }
  return s;
}`,
  };
}
