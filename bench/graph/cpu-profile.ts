/**
 * The page's main-thread CPU profile over one step of the graph bench (CDP's Profiler),
 * summed by function: where a long task's time goes, without opening DevTools.
 *
 *     const stop = await startProfile(cdp);
 *     await page.evaluate(() => graphProbe.openGraphTab());
 *     process.stderr.write(topFunctions(await stop(), 15));
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
export interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Starts sampling every 0.2 ms; the returned function stops and gives the profile. */
export async function startProfile(cdp: CDPSession): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
}

/** The `count` functions with the most self time, one line each: `ms  name  file:line`. */
export function topFunctions(profile: Profile, count: number): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
}
