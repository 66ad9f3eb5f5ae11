/**
 * The labels' web font, loaded before the first draw. Noto Sans JP comes in ~120
 * unicode-range subsets (renderer/styles/noto-sans-jp.gen.css); a label using a glyph of a
 * subset not loaded yet (`…`, `×`, `◆`, `Σ`, the Japanese "個の演算") makes the browser
 * fetch that subset during or after the first draw, and its `loadingdone` makes the view
 * restyle every drawn element (graph-view.ts `onFonts`): on TF-Slim MobileNet the subset
 * holding `×` and `…` arrived 0.2–1.3 s after the click, after the top level was drawn in
 * 2 of 3 runs (2026-11-28). Canvas text in a font variant measured for the first time
 * also costs once (36 ms for bold Noto Sans JP), so the variants the stylesheet uses are
 * measured here too, while the page waits for the graph's bytes.
 */
import { graphText, type GraphLanguage } from './graph-text.ts';
import { LABEL_FONT_FAMILY } from './node-style.ts';

/** Every character a label adds to a node's own name (node-style.ts `label`, cy-scene.ts edge labels). */
function labelGlyphs(lang: GraphLanguage): string {
  return `Ag09_/[]-…×◆Σ${graphText(lang, 'ops', { count: 2 })}${graphText(lang, 'seriesCount', { count: 2, op: 'Add' })}`;
}

/** Node labels are 11 px (bold for scopes), edge labels 9 px: node-style.ts. */
const VARIANTS = ['normal 11px', 'bold 11px', 'normal 9px'];

const warming = new Map<GraphLanguage, Promise<void>>();

/** Starts loading the subsets the labels need and sets up the font variants (once per language); resolves when loaded. */
export function warmLabelFont(lang: GraphLanguage): Promise<void> {
  let p = warming.get(lang);
  if (p === undefined) warming.set(lang, (p = warm(labelGlyphs(lang))));
  return p;
}

async function warm(text: string): Promise<void> {
  await Promise.all(VARIANTS.map((v) => document.fonts?.load(`${v} ${LABEL_FONT_FAMILY}`, text).catch(() => [])));
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx === null) return;
  for (const v of VARIANTS) {
    ctx.font = `normal ${v} ${LABEL_FONT_FAMILY}`; // as Cytoscape writes it: style, weight, size, family
    ctx.measureText(text);
  }
}
