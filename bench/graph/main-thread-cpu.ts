/**
 * The page's main-thread CPU time per task over one step of the graph bench, from a
 * Chrome trace (`toplevel` category: each task's `tdur` is its thread time). On the shared
 * 2-core machine a task's wall time moves 2–4× with the load (other processes take the
 * core), its CPU time far less, so this is what tells two variants apart.
 *
 *     const stop = await traceMainThread(browser, page);
 *     await page.evaluate(() => graphProbe.openGraphTab());
 *     const { totalMs, longestMs } = await stop();
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThreadCpu {
  /** CPU time of all the page's main-thread tasks, ms. */
  readonly totalMs: number;
  /** The longest task by CPU time, ms (wallMs: its wall time). */
  readonly longestMs: number;
  readonly longestWallMs: number;
}

/** Starts tracing; the returned function stops and sums the page's main thread (the busiest renderer main thread in the trace). */
export async function traceMainThread(browser: Browser, page: Page): Promise<() => Promise<MainThreadCpu>> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keisan-trace-')), 'trace.json');
  await browser.startTracing(page, { path: file, categories: ['toplevel'] });
  return async () => {
    await browser.stopTracing();
    const events = (JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(key)) continue;
      byThread.set(key, [...(byThread.get(key) ?? []), e]);
    }
    const cpu = (e: TraceEvent): number => (e.tdur ?? 0) / 1000;
    const tasks = [...byThread.values()].reduce<TraceEvent[]>((a, b) => (b.reduce((s, e) => s + cpu(e), 0) > a.reduce((s, e) => s + cpu(e), 0) ? b : a), []);
    const longest = tasks.reduce<TraceEvent | null>((a, e) => (a === null || cpu(e) > cpu(a) ? e : a), null);
    return { totalMs: tasks.reduce((s, e) => s + cpu(e), 0), longestMs: longest === null ? 0 : cpu(longest), longestWallMs: (longest?.dur ?? 0) / 1000 };
  };
}
