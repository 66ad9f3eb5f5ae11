/**
 * Runs inside the app's page (bundled by bench/graph.bench.ts and added as an init
 * script): records long main-thread tasks from the start, and drives the graph view the
 * way a person does — the Graph tab, a scope clicked in the info panel's list, Enter in
 * the search box — timing each from the DOM event to the frame painted after the view
 * says it is done (its `data-*` hooks, renderer/graph/graph-view.ts). Type-checked with
 * tsconfig.node.json (no DOM library), so the few DOM names used are declared here.
 */

interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  value: string;
  click(): void;
  focus(): void;
  dispatchEvent(event: unknown): boolean;
}
declare const document: {
  readonly body: unknown;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
declare function requestAnimationFrame(callback: () => void): number;
declare const CSS: { escape(text: string): string };
declare const KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => unknown;

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask' as 'mark', buffered: true }); // 'longtask' is Chromium's, not in Node's types

const TIMEOUT_MS = 120_000;

const graphEl = (): PageElement | null => document.querySelector('[data-testid="graph"]');

/** Resolves when `done()` holds, checked on every DOM change and every frame. */
function until(done: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let observer: InstanceType<typeof MutationObserver> | null = null;
    const check = (): boolean => {
      if (done()) {
        observer?.disconnect();
        resolve();
        return true;
      }
      if (performance.now() - started > TIMEOUT_MS) {
        observer?.disconnect();
        reject(new Error(`timed out waiting for ${what}`));
        return true;
      }
      return false;
    };
    if (check()) return;
    observer = new MutationObserver(() => void check());
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    const frame = (): void => {
      if (!check()) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** The next frame after this one has been painted. */
const painted = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

function click(selector: string): void {
  const el = document.querySelector(selector);
  if (el === null) throw new Error(`nothing matches ${selector}`);
  el.click();
}

const expandedNow = (): string[] => (graphEl()?.dataset['expanded'] ?? '').split(',').filter((s) => s !== '');

/** The view's own phase timings (fetch, decode, build, layout, draw), as the view last wrote them. */
function phases(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(graphEl()?.dataset ?? {})) if (k.endsWith('Ms')) out[k] = Number(v);
  return out;
}

const probe = {
  /** Click the Graph tab; ms until the top level is drawn and painted. */
  async openGraphTab(): Promise<{ ms: number; start: number; visibleNodes: number; phases: Record<string, number> }> {
    const t0 = performance.now();
    click('[data-testid="tab-graph"]');
    await until(() => graphEl()?.dataset['state'] === 'ready' && Number(graphEl()?.dataset['visibleNodes']) > 0, 'the top level');
    await painted();
    return { ms: performance.now() - t0, start: t0, visibleNodes: Number(graphEl()!.dataset['visibleNodes']), phases: phases() };
  },

  /** Top-level scopes, from the info panel's list (shown while nothing is selected). */
  topScopes(): string[] {
    return [...document.querySelectorAll('[data-testid="node-children"] li.child-scope')].map((li) => li.dataset['node']!);
  },

  /**
   * From everything collapsed, open one top-level scope by clicking it in the info panel;
   * ms until it is drawn open and painted, and how many nodes are drawn then.
   */
  async expand(path: string): Promise<{ ms: number; start: number; visibleNodes: number; phases: Record<string, number> }> {
    click('[data-testid="graph-collapse-all"]');
    await until(() => expandedNow().length === 0, 'collapse all');
    click('[data-testid="graph-breadcrumbs"] button.crumb[data-node=""]');
    const item = `[data-testid="node-children"] li[data-node="${CSS.escape(path)}"]`;
    await until(() => document.querySelector(item) !== null, `${path} in the info panel`);
    await painted();
    const t0 = performance.now();
    click(item);
    await until(() => expandedNow().includes(path), `${path} drawn open`);
    await painted();
    return { ms: performance.now() - t0, start: t0, visibleNodes: Number(graphEl()!.dataset['visibleNodes']), phases: phases() };
  },

  /** From everything collapsed and nothing selected, type a query and press Enter; ms until the best hit is selected, revealed and painted. */
  async search(query: string): Promise<{ ms: number; selected: string }> {
    click('[data-testid="graph-collapse-all"]');
    await until(() => expandedNow().length === 0, 'collapse all');
    click('[data-testid="graph-breadcrumbs"] button.crumb[data-node=""]');
    await until(() => graphEl()?.dataset['selected'] === '', 'nothing selected');
    const input = document.querySelector('[data-testid="graph-search"]')!;
    input.focus();
    input.value = query;
    await painted();
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => (graphEl()?.dataset['selected'] ?? '') !== '' && graphEl()?.dataset['state'] === 'ready', `a hit for ${query}`);
    await painted();
    return { ms: performance.now() - t0, selected: graphEl()!.dataset['selected']! };
  },

  /** Long tasks that started at or after `since` (performance.now() time). */
  longTasksSince(since: number): LongTask[] {
    return longTasks.filter((t) => t.start >= since);
  },

  now: (): number => performance.now(),

  /** The page's JS heap in MB (Chromium's performance.memory), or null. */
  heapMB(): number | null {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m === undefined ? null : m.usedJSHeapSize / 2 ** 20;
  },
};

export type GraphProbe = typeof probe;
(globalThis as unknown as { graphProbe: GraphProbe }).graphProbe = probe;
