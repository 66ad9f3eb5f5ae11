/**
 * The Graph tab: a run's GraphDef as its scope hierarchy, drawn by Cytoscape with each
 * open scope as a box around its children (cy-scene.ts), collapsed to the top level at first.
 *
 * Gestures: a click selects a node (info panel, breadcrumbs); a double-click on a scope
 * opens it, a double-click on an open scope's box closes it (TensorBoard's gesture).
 * The GraphDef is decoded and the hierarchy built once, in the graph worker; each open
 * scope is laid out on its own there (cached), so the page only draws.
 */
import cytoscape from 'cytoscape';
import type { GraphInfo, HostApi } from '../../src/host-api.ts';
import {
  collapsing, revealing, ScopeTree, searchTree, traceInputs, visibleGraph, type NodeDetails, type Placed, type TracedInputs, type VisibleGraph,
} from '../../src/graph/index.ts';
import { h } from '../app/dom.ts';
import { renderCrumbs } from './breadcrumbs.ts';
import { seriesOffer, withSeriesChoice, type SeriesOffer } from '../../src/graph/series-choice.ts';
import { AuxState } from './aux-state.ts';
import { applyScene, entryOf, nodeKey } from './cy-scene.ts';
import { pngOf, sceneOf } from './cy-snapshot.ts';
import { styleNow } from './cy-update.ts';
import { warmUpStyle } from './cy-warmup.ts';
import { startGraphBackend, type GraphBackend } from './graph-backend.ts';
import type { LoadedGraph, SeriesGrouping } from './graph-protocol.ts';
import { graphText, type GraphLanguage, type GraphTextKey } from './graph-text.ts';
import { GraphToolbar } from './graph-toolbar.ts';
import { GraphViewport } from './graph-viewport.ts';
import { renderInfo } from './info-panel.ts';
import { warmLabelFont } from './label-font.ts';
import { NodeLook, stylesheet } from './node-style.ts';
import { applyTints, nodeTints, type ColourMode } from './node-tint.ts';
import { SearchBox } from './search-box.ts';
import { applyTrace } from './trace-highlight.ts';
import { svgDocument } from './svg-export.ts';

export interface GraphViewOptions {
  language(): GraphLanguage;
}

type ViewState = 'empty' | 'loading' | 'ready' | 'error';

/** The graph source to open first: a GraphDef written by the FileWriter, else the first one. */
function preferredGraph(graphs: readonly GraphInfo[]): number {
  const i = graphs.findIndex((g) => g.source === 'graph_def' && g.nodes > 0);
  return i >= 0 ? i : graphs.findIndex((g) => g.nodes > 0);
}

export class GraphView {
  readonly root: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly info: HTMLElement;
  private readonly message: HTMLElement;
  private readonly toolbar: GraphToolbar;
  private readonly search: SearchBox;
  private readonly cy: cytoscape.Core;
  private readonly backend: GraphBackend;
  private readonly resize: ResizeObserver;
  private readonly unsubscribe: () => void;
  private lang: GraphLanguage;
  private runId: string | null = null;
  private graphs: readonly GraphInfo[] = [];
  private graphIndex = -1;
  private tree: ScopeTree | null = null;
  private graphHandle = 0;
  private look: NodeLook | null = null;
  private readonly viewport: GraphViewport;
  private expanded = new Set<number>();
  /** Scopes the last search result opened; the next search closes them again unless the user took over. */
  private searchOpened = new Set<number>();
  private selected: number | null = null;
  private loadGen = 0;
  private renderGen = 0;
  /** The user's series choices for the open graph (TensorBoard's `seriesMap`). */
  private grouping: SeriesGrouping = {};
  private colourMode: ColourMode = 'none';
  /** "Trace inputs" is on: the selected op's inputs are highlighted whenever it is an op. */
  private traceOn = false;
  private trace: TracedInputs | null = null;
  private visible: VisibleGraph | null = null;
  /** TensorBoard's auxiliary nodes: the user's choices and the last layout's side columns. */
  private readonly aux = new AuxState();
  private readonly cancelWarmUp: () => void;

  constructor(container: HTMLElement, private readonly host: HostApi, private readonly options: GraphViewOptions) {
    this.lang = options.language();
    this.backend = startGraphBackend();
    // Cytoscape draws into a child of the element carrying the view's `data-*` hooks: it
    // watches its own container's attributes and answers every change, 100 ms later, with a
    // resize (a forced layout) and a full redraw, and the hooks change with every draw.
    const surface = h('div', { class: 'graph-surface' });
    this.canvas = h('div', { class: 'graph-canvas', 'data-testid': 'graph', 'data-visible-nodes': 0, 'data-expanded': '', 'data-state': 'empty' }, surface);
    this.message = h('div', { class: 'graph-message' });
    this.info = h('aside', { class: 'graph-info', 'data-testid': 'node-info' });
    this.search = new SearchBox(this.lang, () => this.tree, {
      search: (q) => (this.tree === null ? { hits: [], total: 0, error: null } : searchTree(this.tree, q, 50)),
      pick: (id) => void this.pickFromSearch(id),
    });
    this.toolbar = new GraphToolbar(this.lang, this.search.el, {
      pickGraph: (i) => void this.openGraph(i),
      collapseAll: () => void this.setExpanded(new Set(), null, 'fit'),
      fit: () => this.fit(),
      png: () => void this.download('png'),
      svg: () => void this.download('svg'),
      colourBy: (mode) => {
        this.colourMode = mode;
        this.decorate();
      },
      crumb: (id) => (id === null ? (void this.select(null), this.fit()) : void this.select(id, { reveal: true, centre: true })),
    });
    this.root = h('div', { class: 'graph-view' }, this.toolbar.el, h('div', { class: 'graph-stage' }, this.canvas, this.message), this.info);
    container.append(this.root);

    this.cy = cytoscape({
      container: surface, style: stylesheet(), layout: { name: 'preset' }, minZoom: 0.02, maxZoom: 4,
      boxSelectionEnabled: false, autoungrabify: true, selectionType: 'single', textureOnViewport: true,
    });
    this.viewport = new GraphViewport(this.cy);
    void warmLabelFont(this.lang); // while the graph's bytes load (label-font.ts)
    this.cancelWarmUp = warmUpStyle(this.cy); // likewise (cy-warmup.ts)
    this.cy.on('tap', (e) => {
      const t = e.target as cytoscape.Core | cytoscape.NodeSingular;
      if (t === this.cy) void this.select(null);
      else if ((t as cytoscape.NodeSingular).isNode?.()) void this.select(entryOf(t as cytoscape.NodeSingular), { reveal: false, centre: false });
    });
    this.cy.on('dbltap', (e) => {
      const t = e.target as cytoscape.Core | cytoscape.NodeSingular;
      if (t !== this.cy && (t as cytoscape.NodeSingular).isNode?.() && this.tree?.isScope(entryOf(t as cytoscape.NodeSingular))) {
        void this.toggle(entryOf(t as cytoscape.NodeSingular));
      }
    });
    this.resize = new ResizeObserver(() => {
      // Mounted in a hidden panel (the tab warms up before it opens) the view had no size
      // when it was fitted: fit again the first time it gets one.
      const hadNoSize = !this.viewport.sized;
      this.cy.resize();
      if (hadNoSize && this.viewport.sized) this.fit();
    });
    this.resize.observe(this.canvas);
    // Canvas text does not redraw itself when a web font arrives (Noto Sans JP loads its
    // Japanese subsets on first use): restyle so labels are drawn again with it.
    document.fonts?.addEventListener('loadingdone', this.onFonts);
    // A run that gains a graph (a lesson just started) shows it without a reload. Only from
    // the empty state: a training run sends updates faster than a graph loads.
    this.unsubscribe = host.subscribe((ev) => {
      if (ev.type === 'run-updated' && ev.runId === this.runId && this.canvas.dataset['state'] === 'empty') void this.showRun(this.runId);
    });
    this.setState('empty', 'noRun');
  }

  async showRun(runId: string | null): Promise<void> {
    this.refreshLanguage();
    const gen = ++this.loadGen;
    this.runId = runId;
    if (runId === null) return this.clearGraph('noRun');
    this.setState('loading', 'loading');
    try {
      const listing = performance.now();
      const graphs = await this.host.listGraphs(runId);
      if (gen !== this.loadGen) return;
      this.canvas.dataset['listMs'] = String(Math.round(performance.now() - listing));
      this.graphs = graphs;
      this.toolbar.setGraphs(graphs, preferredGraph(graphs), this.lang);
      if (preferredGraph(graphs) < 0) return this.clearGraph('noGraph');
      await this.openGraph(preferredGraph(graphs), gen);
    } catch (e) {
      if (gen === this.loadGen) this.fail(e);
    }
  }

  private async openGraph(index: number, gen = ++this.loadGen): Promise<void> {
    const runId = this.runId;
    if (runId === null) return;
    const started = performance.now();
    this.setState('loading', 'loading');
    try {
      const bytes = await this.host.readGraph(runId, index);
      if (gen !== this.loadGen) return;
      const fetched = performance.now();
      const loaded = await this.backend.request({ type: 'load', bytes });
      if (gen !== this.loadGen) return;
      this.graphIndex = index;
      this.grouping = {};
      this.aux.reset();
      this.visible = null;
      this.trace = null;
      this.adopt(loaded);
      this.canvas.dataset['fetchMs'] = String(Math.round(fetched - started));
      this.canvas.dataset['decodeMs'] = String(Math.round(loaded.decodeMs));
      this.expanded = new Set();
      this.searchOpened = new Set();
      this.selected = null;
      this.search.reset();
      this.cy.elements().remove();
      await this.render(null, 'fit');
      if (gen !== this.loadGen) return;
      this.setState('ready', null);
      this.canvas.dataset['loadMs'] = String(Math.round(performance.now() - started));
      await this.select(null);
    } catch (e) {
      if (gen === this.loadGen) this.fail(e);
    }
  }

  private adopt(loaded: LoadedGraph): void {
    this.tree = new ScopeTree(loaded.tree);
    this.graphHandle = loaded.graph;
    this.look = new NodeLook(this.tree, this.lang);
    this.canvas.dataset['buildMs'] = String(Math.round(loaded.buildMs));
    this.canvas.dataset['series'] = String(this.tree.allSeries().filter((x) => x.entry >= 0).length);
  }

  /**
   * Ungroup or group a series: the worker rebuilds the tree with the choice; open scopes
   * and the selection carry over by path. An ungrouped series' selection moves to its
   * first member, a grouped member's to the new series node.
   */
  private async chooseSeries(offer: SeriesOffer): Promise<void> {
    const old = this.tree;
    if (old === null) return;
    const gen = this.loadGen;
    const openPaths = [...this.expanded].map((id) => old.path(id));
    const selected = offer.action === 'ungroup' ? offer.members[0] ?? this.selected : this.selected;
    const selectedPath = selected === null ? null : old.path(selected);
    this.grouping = withSeriesChoice(this.grouping, offer);
    const loaded = await this.backend.request({ type: 'regroup', graph: this.graphHandle, grouping: this.grouping });
    if (gen !== this.loadGen) return;
    this.adopt(loaded);
    const tree = this.tree!;
    this.expanded = new Set(openPaths.map((p) => tree.byPath(p)).filter((id): id is number => id !== undefined && tree.isScope(id)));
    this.searchOpened = new Set();
    this.search.reset();
    let next = selectedPath === null ? null : tree.byPath(selectedPath) ?? null;
    if (offer.action === 'group' && next !== null && tree.isSeries(tree.parent(next))) next = tree.parent(next);
    this.selected = next;
    this.details = null;
    await this.render(next, 'keep');
    await this.select(next, { reveal: next !== null, centre: false });
  }

  /** Lay out and draw the current expansion; then fit the view, or centre on `focus`. */
  private async render(focus: number | null, view: 'fit' | 'focus' | 'keep'): Promise<void> {
    const tree = this.tree;
    const look = this.look;
    if (tree === null || look === null) return;
    const gen = ++this.renderGen;
    const started = performance.now();
    const expanded = new Set(this.expanded);
    const { boxes, ms, aux } = await this.backend.request({
      type: 'layout', graph: this.graphHandle, expanded: [...expanded], lang: this.lang, inclusion: this.aux.inclusion,
    });
    if (gen !== this.renderGen || tree !== this.tree) return;
    const placed = new Map<number, Placed>();
    for (let i = 0; i < boxes.length; i += 5) placed.set(boxes[i]!, { x: boxes[i + 1]!, y: boxes[i + 2]!, width: boxes[i + 3]!, height: boxes[i + 4]! });
    const drawStarted = performance.now();
    this.viewport.update(placed, expanded, look.labelHeight);
    const visible = visibleGraph(tree, expanded);
    this.aux.adopt(aux);
    applyScene(this.cy, { tree, visible, expanded, placed, look, aux });
    this.visible = visible;
    this.decorate();
    this.cy.nodes(':selected').unselect();
    if (this.selected !== null) this.cy.getElementById(nodeKey(this.selected)).select();
    styleNow(this.cy);
    if (view === 'fit') this.fit();
    else if (view === 'focus' && focus !== null) this.centreOn(focus);
    this.canvas.dataset['visibleNodes'] = String(visible.nodes.length); // entries only, not the stubs' helper dots
    this.canvas.dataset['expanded'] = [...expanded].map((id) => tree.path(id)).sort().join(',');
    this.canvas.dataset['auxiliary'] = this.aux.attribute(tree);
    this.canvas.dataset['renderMs'] = String(Math.round(performance.now() - started));
    this.canvas.dataset['layoutMs'] = String(Math.round(ms));
    this.canvas.dataset['drawMs'] = String(Math.round(performance.now() - drawStarted));
  }

  /** Colour by structure/device and the input trace, on what is drawn now. */
  private decorate(): void {
    const tree = this.tree;
    const visible = this.visible;
    if (tree === null || visible === null) return;
    const tints = nodeTints(tree, this.colourMode);
    applyTints(this.cy, tints);
    this.toolbar.setLegend(tints.legend);
    const sel = this.selected;
    this.trace = this.traceOn && sel !== null && !tree.isScope(sel) ? traceInputs(tree, sel) : null;
    applyTrace(this.cy, tree, this.trace, visible);
    this.canvas.dataset['colourBy'] = this.colourMode;
    this.canvas.dataset['traced'] = this.trace === null ? '' : String(this.trace.ops.length);
  }

  private fit(): void {
    if (this.tree !== null) this.viewport.fit(this.tree.children(0));
  }

  private centreOn(id: number): void {
    this.viewport.centreOn(id);
  }

  private async setExpanded(next: Set<number>, focus: number | null, view: 'fit' | 'focus' | 'keep'): Promise<void> {
    this.expanded = next;
    this.searchOpened = new Set();
    await this.render(focus, view);
    this.renderInfoAgain();
  }

  private async toggle(id: number): Promise<void> {
    if (this.tree === null) return;
    const open = this.expanded.has(id);
    const next = open ? collapsing(this.tree, this.expanded, id) : new Set([...this.expanded, id]);
    await this.setExpanded(next, id, 'focus');
  }

  /** Select an entry (null: nothing, the top level in the panel); reveal it, open it, centre on it as asked. */
  private async select(id: number | null, how: { reveal: boolean; centre: boolean; open?: boolean } = { reveal: false, centre: false }): Promise<void> {
    const tree = this.tree;
    if (tree === null) return;
    this.selected = id;
    renderCrumbs(this.toolbar.crumbs, tree, id, this.lang, (c) => (c === null ? (void this.select(null), this.fit()) : void this.select(c, { reveal: true, centre: true })));
    this.canvas.dataset['selected'] = id === null ? '' : tree.path(id);
    if (id !== null && how.reveal) {
      const next = revealing(tree, this.expanded, id);
      if (how.open === true && tree.isScope(id)) next.add(id);
      if (next.size !== this.expanded.size) {
        this.expanded = next;
        this.searchOpened = new Set();
        await this.render(id, how.centre ? 'focus' : 'keep');
      } else if (how.centre) this.centreOn(id);
    }
    if (this.selected !== id) return;
    this.cy.nodes(':selected').unselect();
    if (id !== null) this.cy.getElementById(nodeKey(id)).select();
    if (this.traceOn) this.decorate();
    await this.showDetails(id);
  }

  private async pickFromSearch(id: number): Promise<void> {
    const tree = this.tree;
    if (tree === null) return;
    // Close what the previous result opened, unless the user has opened things since.
    const base = new Set([...this.expanded].filter((s) => !this.searchOpened.has(s)));
    const next = revealing(tree, base, id);
    this.selected = id;
    this.expanded = next;
    this.searchOpened = new Set([...next].filter((s) => !base.has(s)));
    await this.render(id, 'focus');
    await this.select(id, { reveal: false, centre: false });
  }

  private details: NodeDetails | null = null;

  /** "Add to / Remove from main graph": re-lay out with the choice, keeping the selection and open scopes; the moved node stays in view. */
  private async setInMain(id: number, inMain: boolean): Promise<void> {
    if (this.tree === null) return;
    this.aux.choose(this.tree, id, inMain);
    await this.render(id, 'focus');
    this.renderInfoAgain();
  }

  private async showDetails(id: number | null): Promise<void> {
    const graph = this.graphHandle;
    try {
      const d = await this.backend.request({ type: 'details', graph, id: id ?? 0 });
      if (this.selected !== id || graph !== this.graphHandle) return;
      this.details = d;
      this.renderInfoAgain();
    } catch {
      // The graph changed while asking: the newer selection draws its own details.
    }
  }

  private renderInfoAgain(): void {
    const tree = this.tree;
    if (tree === null || this.details === null) return;
    let scopes = 0;
    for (let i = 1; i < tree.size; i++) if (tree.isScope(i)) scopes++;
    renderInfo(this.info, this.details, {
      lang: this.lang,
      totals: { ops: tree.opCount(0), scopes },
      actions: {
        select: (c, open) => void this.select(c, { reveal: true, centre: true, open }),
        toggle: (c) => void this.toggle(c),
        isExpanded: (c) => this.expanded.has(c),
        chooseSeries: (offer) => void this.chooseSeries(offer),
        setInMain: (c, inMain) => void this.setInMain(c, inMain),
        setTrace: (on) => {
          this.traceOn = on;
          this.decorate();
          this.renderInfoAgain();
        },
      },
      trace: { on: this.traceOn, ops: this.trace?.ops.length ?? null },
      series: this.details.id === 0 ? null : seriesOffer(tree, this.details.id),
      aux: this.aux.offer(tree, this.details.id, this.visible?.representative[this.details.id] === this.details.id),
    });
  }

  private async download(kind: 'png' | 'svg'): Promise<void> {
    if (this.cy.nodes().empty()) return;
    const bytes = kind === 'png' ? await pngOf(this.cy) : new TextEncoder().encode(svgDocument(sceneOf(this.cy)));
    const label = this.graphs[this.graphIndex]?.label ?? 'graph';
    const base = `${this.runId ?? ''}-${label}`.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'graph';
    await this.host.saveFiles([{ name: `${base}.${kind}`, bytes }]);
  }

  /** Re-read the UI language and relabel what is on screen. */
  refreshLanguage(): void {
    const lang = this.options.language();
    if (lang === this.lang) return;
    this.lang = lang;
    this.search.setLanguage(lang);
    this.toolbar.setLanguage(lang);
    if (this.tree !== null) {
      this.look = new NodeLook(this.tree, lang); // labels, hence sizes, change with the language
      void this.render(null, 'keep');
      renderCrumbs(this.toolbar.crumbs, this.tree, this.selected, lang, (c) => void this.select(c, { reveal: true, centre: true }));
      this.renderInfoAgain();
    }
    const m = this.message.dataset['key'] as GraphTextKey | undefined;
    if (m !== undefined) this.message.textContent = graphText(lang, m);
  }

  private clearGraph(reason: GraphTextKey): void {
    this.tree = null;
    this.look = null;
    this.graphs = [];
    this.details = null;
    this.cy.elements().remove();
    this.toolbar.setGraphs([], -1, this.lang);
    this.search.reset();
    this.info.replaceChildren();
    this.toolbar.crumbs.replaceChildren();
    this.canvas.dataset['visibleNodes'] = '0';
    this.canvas.dataset['expanded'] = '';
    this.canvas.dataset['auxiliary'] = '';
    this.setState('empty', reason);
  }

  private fail(e: unknown): void {
    this.cy.elements().remove();
    this.setState('error', null);
    this.message.textContent = graphText(this.lang, 'failed', { message: e instanceof Error ? e.message : String(e) });
  }

  private setState(state: ViewState, key: GraphTextKey | null): void {
    this.canvas.dataset['state'] = state;
    this.message.hidden = key === null && state !== 'error';
    if (key !== null) {
      this.message.dataset['key'] = key;
      this.message.textContent = graphText(this.lang, key);
    } else delete this.message.dataset['key'];
  }

  private readonly onFonts = (): void => {
    if (!this.cy.destroyed()) this.cy.style().update();
  };

  dispose(): void {
    document.fonts?.removeEventListener('loadingdone', this.onFonts);
    this.loadGen++;
    this.renderGen++;
    this.unsubscribe();
    this.resize.disconnect();
    this.cancelWarmUp();
    this.cy.destroy();
    this.backend.dispose();
    this.root.remove();
  }
}
