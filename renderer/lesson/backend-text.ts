/**
 * The lesson's backend control and notices in Japanese and English. Kept beside the lesson
 * code for now (the catalogues in renderer/i18n belong to another part of the app); the
 * fallback reasons are the worker's codes, the detail is the engine's own English text.
 *
 *     backendText('ja').fallback('no-webgl2'); // 'WebGL2 を使えないため、CPU で実行しました'
 */
import type { Language } from '../i18n/index.ts';
import type { BackendInUse, FallbackReason } from '../worker/protocol.ts';

export interface BackendText {
  readonly label: string;
  readonly webgl: string;
  readonly cpu: string;
  fallback(reason: FallbackReason): string;
}

const EN: BackendText = {
  label: 'Backend',
  webgl: 'WebGL (GPU)',
  cpu: 'CPU',
  fallback: (reason) => ({
    'no-webgl2': 'WebGL2 is not available here, so this run used the CPU',
    'no-float-targets': 'This WebGL2 cannot render to float32 textures, so this run used the CPU',
    failed: 'WebGL could not be set up, so this run used the CPU',
  })[reason],
};

const JA: BackendText = {
  label: 'バックエンド',
  webgl: 'WebGL (GPU)',
  cpu: 'CPU',
  fallback: (reason) => ({
    'no-webgl2': 'WebGL2 を使えないため、CPU で実行しました',
    'no-float-targets': 'この WebGL2 は float32 テクスチャに描画できないため、CPU で実行しました',
    failed: 'WebGL を準備できなかったため、CPU で実行しました',
  })[reason],
};

export function backendText(lang: Language): BackendText {
  return lang === 'ja' ? JA : EN;
}

/**
 * The status bar's short form: `webgl · <renderer>`, `cpu`, or `cpu (WebGL unavailable)`;
 * the chosen backend before a run has reported.
 */
export function backendSummary(lang: Language, chosen: string, inUse: BackendInUse | null): string {
  if (inUse === null) return chosen;
  if (inUse.name === 'webgl') return inUse.renderer === null ? 'webgl' : `webgl · ${inUse.renderer}`;
  return inUse.fallback === null ? 'cpu' : `cpu (${lang === 'ja' ? 'WebGL 使用不可' : 'WebGL unavailable'})`;
}
