/**
 * The lesson's backend control and notices, from the UI catalogues (renderer/i18n). The
 * fallback reasons are the worker's codes; each has its own catalogue entry.
 *
 *     backendText('ja').fallback('no-webgl2'); // 'WebGL2 を使えないため、CPU で実行しました'
 */
import { type Language, translate } from '../i18n/index.ts';
import type { BackendInUse, FallbackReason } from '../worker/protocol.ts';

export interface BackendText {
  readonly label: string;
  readonly webgl: string;
  readonly cpu: string;
  fallback(reason: FallbackReason): string;
}

export function backendText(lang: Language): BackendText {
  return {
    label: translate(lang, 'lesson.backend'),
    webgl: translate(lang, 'lesson.backend.webgl'),
    cpu: translate(lang, 'lesson.backend.cpu'),
    fallback: (reason) => translate(lang, `lesson.backend.${reason}`),
  };
}

/**
 * The status bar's short form: `webgl · <renderer>`, `cpu`, or `cpu (WebGL unavailable)`;
 * the chosen backend before a run has reported.
 */
export function backendSummary(lang: Language, chosen: string, inUse: BackendInUse | null): string {
  if (inUse === null) return chosen;
  if (inUse.name === 'webgl') return inUse.renderer === null ? 'webgl' : `webgl · ${inUse.renderer}`;
  return inUse.fallback === null ? 'cpu' : `cpu (${translate(lang, 'status.webglUnavailable')})`;
}
