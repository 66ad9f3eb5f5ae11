/**
 * The info panel (`node-info`): the selected node's full name (`node-name`), op
 * (`node-op`), inputs, outputs, attributes and output shapes; for a scope, its children
 * (`node-children`, one `li` per child whose text is the child's name; clicking one opens
 * it). With nothing selected it lists the top level, so a student can click through
 * from there. A drawn entry offers TensorBoard's "Remove from main graph" / "Add to main
 * graph" (`aux-toggle`, aux-state.ts).
 */
import type { ChildSummary, LinkedNode, NodeDetails, ScopeDetails } from '../../src/graph/index.ts';
import type { SeriesOffer } from '../../src/graph/series-choice.ts';
import { clear, h } from '../app/dom.ts';
import { graphText, type GraphLanguage, type GraphTextKey } from './graph-text.ts';

export interface InfoActions {
  /** Select an entry (revealing it); for a child entry, open it too when it is a scope. */
  select(id: number, open: boolean): void;
  toggle(id: number): void;
  isExpanded(id: number): boolean;
  /** Ungroup or group the series this entry is or belongs to (see src/graph/series-choice.ts). */
  chooseSeries(offer: SeriesOffer): void;
  /** Turn "Trace inputs" on or off for the selected op. */
  setTrace(on: boolean): void;
  /** Put the entry into its scope's main graph, or move it to the side as an auxiliary node. */
  setInMain(id: number, inMain: boolean): void;
}

export interface InfoContext {
  readonly lang: GraphLanguage;
  readonly actions: InfoActions;
  /** Ops and scopes in the whole graph, for the summary shown with nothing selected. */
  readonly totals: { readonly ops: number; readonly scopes: number };
  /** The series action for the shown entry (`series-ungroup` / `series-group`), if any. */
  readonly series: SeriesOffer | null;
  /** Whether "Trace inputs" is on, and how many ops the trace reached (null: not traced). */
  readonly trace: { readonly on: boolean; readonly ops: number | null };
  /** Whether the shown entry is an auxiliary node now; null: no choice to offer (not drawn, in a series). */
  readonly aux: { readonly extracted: boolean } | null;
}

const MAX_LINKS = 60;

function section(lang: GraphLanguage, title: GraphTextKey, body: HTMLElement | null, count?: number): HTMLElement {
  return h('section', { class: 'info-section' },
    h('h4', {}, count === undefined ? graphText(lang, title) : `${graphText(lang, title)} (${count})`),
    body ?? h('p', { class: 'muted' }, graphText(lang, 'none')));
}

function childList(children: readonly ChildSummary[], ctx: InfoContext): HTMLElement {
  const items = children.map((c) => {
    // The li's text is exactly the child's name (tests and people read it); the op or size is drawn from data-detail.
    const detail = c.kind === 'scope' ? graphText(ctx.lang, 'ops', { count: c.opCount }) : c.op;
    const li = h('li', { class: `child child-${c.kind}`, 'data-node': c.path, 'data-detail': detail, role: 'button', tabindex: 0, title: c.path }, c.leaf);
    const go = (): void => ctx.actions.select(c.id, true);
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), go()));
    return li;
  });
  return h('ul', { class: 'children', 'data-testid': 'node-children' }, items);
}

function linkList(links: readonly LinkedNode[], ctx: InfoContext): HTMLElement | null {
  if (links.length === 0) return null;
  const items = links.slice(0, MAX_LINKS).map((l) => {
    const text = `${l.control ? '^' : ''}${l.name}${l.output !== '0' ? `:${l.output}` : ''}`;
    const li = h('li', { class: l.control ? 'link control' : 'link', 'data-node': l.name }, text);
    if (l.id !== null) {
      const id = l.id;
      li.setAttribute('role', 'button');
      li.tabIndex = 0;
      li.addEventListener('click', () => ctx.actions.select(id, false));
    }
    return li;
  });
  if (links.length > MAX_LINKS) items.push(h('li', { class: 'muted' }, graphText(ctx.lang, 'moreLinks')));
  return h('ul', { class: 'links' }, items);
}

function scopeBody(d: ScopeDetails, ctx: InfoContext): HTMLElement[] {
  const hist = d.opHistogram.slice(0, 12).map(([op, n]) => h('li', {}, `${op} ×${n}`));
  return [
    section(ctx.lang, 'children', childList(d.children, ctx), d.children.length),
    section(ctx.lang, 'inputs', linkList(d.inputs, ctx), d.inputs.length),
    section(ctx.lang, 'outputs', linkList(d.outputs, ctx), d.outputs.length),
    section(ctx.lang, 'opTypes', h('ul', { class: 'histogram' }, hist)),
  ];
}

/** The "Trace inputs" checkbox (`trace-inputs`), with the traced count when on. */
function traceToggle(ctx: InfoContext): HTMLElement {
  const box = h('input', { type: 'checkbox', 'data-testid': 'trace-inputs', checked: ctx.trace.on });
  box.addEventListener('change', () => ctx.actions.setTrace(box.checked));
  const count = ctx.trace.on && ctx.trace.ops !== null
    ? h('span', { class: 'muted', 'data-testid': 'trace-count' }, ` ${graphText(ctx.lang, 'traceCount', { count: ctx.trace.ops - 1 })}`) : null;
  return h('p', { class: 'trace-line' }, h('label', {}, box, ' ', graphText(ctx.lang, 'traceInputs')), count);
}

/** `Series of 12 Assign ops [Ungroup]`, or `[Group]` for a member of an ungrouped series. */
function seriesLine(offer: SeriesOffer, ctx: InfoContext): HTMLElement {
  const { lang } = ctx;
  const button = h('button', {
    class: 'small', 'data-testid': `series-${offer.action}`, 'data-series': offer.series,
    title: graphText(lang, offer.action === 'ungroup' ? 'ungroupTitle' : 'groupTitle'), onclick: () => ctx.actions.chooseSeries(offer),
  }, graphText(lang, offer.action));
  return h('p', { class: 'series-line', 'data-testid': 'node-series' },
    h('span', { class: 'muted' }, graphText(lang, 'series', { count: offer.size, op: offer.op })), ' ', button);
}

/** The auxiliary-node line: a note when the entry is one, and the button that moves it in or out (`aux-toggle`). */
function auxLine(id: number, aux: { readonly extracted: boolean }, ctx: InfoContext): HTMLElement {
  const { lang } = ctx;
  const button = h('button', {
    class: 'small', 'data-testid': 'aux-toggle', 'data-action': aux.extracted ? 'add' : 'remove',
    onclick: () => ctx.actions.setInMain(id, aux.extracted),
  }, graphText(lang, aux.extracted ? 'addToMain' : 'removeFromMain'));
  return h('p', { class: 'aux-line', 'data-testid': 'node-aux', 'data-auxiliary': String(aux.extracted) },
    aux.extracted ? h('span', { class: 'muted' }, graphText(lang, 'auxiliary')) : null, button);
}

export function renderInfo(panel: HTMLElement, d: NodeDetails | null, ctx: InfoContext): void {
  clear(panel);
  const { lang } = ctx;
  if (d === null) return;
  if (d.kind === 'scope' && d.id === 0) {
    panel.append(
      h('h3', { class: 'info-title' }, graphText(lang, 'topLevel')),
      h('p', { class: 'muted' }, graphText(lang, 'graphSummary', { count: ctx.totals.ops, scopes: ctx.totals.scopes })),
      section(lang, 'children', childList(d.children, ctx), d.children.length),
      h('p', { class: 'muted hint' }, graphText(lang, 'hint')),
    );
    return;
  }
  panel.append(h('h3', { class: 'info-title', 'data-testid': 'node-name' }, d.name));
  if (ctx.series !== null) panel.append(seriesLine(ctx.series, ctx));
  if (ctx.aux !== null) panel.append(auxLine(d.id, ctx.aux, ctx));
  if (d.kind === 'scope') {
    const open = ctx.actions.isExpanded(d.id);
    const toggle = h('button', { class: 'small', 'data-testid': 'node-toggle', onclick: () => ctx.actions.toggle(d.id) }, graphText(lang, open ? 'collapse' : 'expand'));
    panel.append(
      h('p', { class: 'op-line' }, h('span', { class: 'op', 'data-testid': 'node-op' }, graphText(lang, 'scope')), ' ',
        h('span', { class: 'muted' }, graphText(lang, 'ops', { count: d.opCount })), ' ', toggle),
      ...scopeBody(d, ctx),
    );
    return;
  }
  const attrs = d.attrs.length === 0 ? null
    : h('dl', { class: 'attrs' }, d.attrs.flatMap((a) => [h('dt', {}, a.key), h('dd', {}, a.value)]));
  const shapes = d.outputShapes.length === 0 ? null
    : h('ol', { class: 'shapes', start: 0 }, d.outputShapes.map((s) => h('li', {}, s)));
  panel.append(h('p', { class: 'op-line' }, h('span', { class: 'op', 'data-testid': 'node-op' }, d.op)), traceToggle(ctx));
  if (d.device !== '') panel.append(h('p', { class: 'muted' }, `${graphText(lang, 'device')}: ${d.device}`));
  panel.append(
    section(lang, 'inputs', linkList(d.inputs, ctx), d.inputs.length),
    section(lang, 'outputs', linkList(d.outputs, ctx), d.outputs.length),
    section(lang, 'shapes', shapes),
    section(lang, 'attributes', attrs),
  );
}
