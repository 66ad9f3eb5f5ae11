import type { Operation } from './graph.ts';

/**
 * Uniform [0, 1) numbers for one random op (sfc32). TF gives each op its own stream:
 * fixed by its `seed`/`seed2` attrs when a seed is set, otherwise different every session.
 * We do not reproduce TF's Philox numbers, only its seeding rules.
 */
export class SeededRandom {
  private constructor(private a: number, private b: number, private c: number, private d: number) {
    for (let i = 0; i < 12; i++) this.next();
  }

  static forOp(op: Operation): SeededRandom {
    const seed = op.hasAttr('seed') ? op.getAttr('seed', 'int') : 0;
    const seed2 = op.hasAttr('seed2') ? op.getAttr('seed2', 'int') : 0;
    if (seed === 0 && seed2 === 0) {
      return new SeededRandom((Math.random() * 2 ** 32) >>> 0, (Math.random() * 2 ** 32) >>> 0, (Math.random() * 2 ** 32) >>> 0, 1);
    }
    return new SeededRandom(seed >>> 0, seed2 >>> 0, 0x9e3779b9, 1);
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}
