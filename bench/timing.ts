/** Steps per second of a training step: warm-up, then the median over timed rounds. */

export interface Timing {
  readonly warmupSteps: number;
  readonly rounds: number;
  readonly stepsPerRound: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Time several contenders doing the same work, alternating rounds so that drift in the
 * machine's speed (thermal, other load) falls on all of them alike.
 */
export function compareStepsPerSecond(contenders: Readonly<Record<string, (step: number) => void>>, t: Timing): Record<string, number> {
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < t.warmupSteps; i++) contenders[name]!(i);
  const rates: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < t.rounds; r++) {
    for (const name of names) {
      const step = contenders[name]!;
      const start = performance.now();
      for (let i = 0; i < t.stepsPerRound; i++) step(i);
      rates[name]!.push((t.stepsPerRound * 1000) / (performance.now() - start));
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(rates[n]!)]));
}

/** Deterministic uniform [0, 1) numbers (xorshift32), so both engines see the same data. */
export function uniform(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    out[i] = s / 4294967296;
  }
  return out;
}
