/**
 * The graph view's UI text in Japanese and English. Kept beside the view (the app's
 * catalogue is renderer/i18n/); `{name}` parameters are filled by `graphText`.
 */
export type GraphLanguage = 'ja' | 'en';

const en = {
  loading: 'Reading the graph…',
  noRun: 'Select a run to see its graph.',
  noGraph: 'This run has no graph.',
  notGraphDef: 'This graph is not a GraphDef and cannot be drawn yet.',
  failed: 'Could not show the graph: {message}',
  search: 'Search nodes (text or /regex/)',
  searchCount: '{shown} of {total} matches',
  searchNone: 'No match',
  root: 'Graph',
  scope: 'scope',
  ops: '{count} op|{count} ops',
  graphSummary: '{count} ops in {scopes} scopes',
  topLevel: 'Top level',
  children: 'Children',
  inputs: 'Inputs',
  outputs: 'Outputs',
  attributes: 'Attributes',
  shapes: 'Output shapes',
  device: 'Device',
  opTypes: 'Op types',
  none: 'none',
  expand: 'Expand',
  collapse: 'Collapse',
  collapseAll: 'Collapse all',
  fit: 'Fit',
  png: 'PNG',
  svg: 'SVG',
  downloadPng: 'Download the current view as PNG',
  downloadSvg: 'Download the current view as SVG',
  graphPicker: 'Graph',
  hint: 'Click a node to see it; double-click a scope to open or close it.',
  moreLinks: '… and more',
  seriesCount: '×{count} {op}',
  series: 'Series of {count} {op} ops',
  ungroup: 'Ungroup',
  group: 'Group',
  ungroupTitle: 'Show the ops of this series one by one',
  groupTitle: 'Group this series into one node',
  colourBy: 'Colour by',
  colourStructure: 'structure',
  colourDevice: 'device',
  colourNone: 'none',
  traceInputs: 'Trace inputs',
  traceCount: '{count} ops feed this one',
} as const;

export type GraphTextKey = keyof typeof en;

const ja: Record<GraphTextKey, string> = {
  loading: 'グラフを読み込んでいます…',
  noRun: 'ランを選ぶと、そのグラフが表示されます。',
  noGraph: 'このランにはグラフがありません。',
  notGraphDef: 'このグラフは GraphDef ではないため、まだ描けません。',
  failed: 'グラフを表示できません: {message}',
  search: 'ノードを検索（文字列または /正規表現/）',
  searchCount: '{total} 件中 {shown} 件',
  searchNone: '見つかりません',
  root: 'グラフ',
  scope: 'スコープ',
  ops: '{count} 個の演算',
  graphSummary: '{scopes} 個のスコープに {count} 個の演算',
  topLevel: '最上位',
  children: '子ノード',
  inputs: '入力',
  outputs: '出力',
  attributes: '属性',
  shapes: '出力の形',
  device: 'デバイス',
  opTypes: '演算の種類',
  none: 'なし',
  expand: '開く',
  collapse: '閉じる',
  collapseAll: 'すべて閉じる',
  fit: '全体表示',
  png: 'PNG',
  svg: 'SVG',
  downloadPng: 'いまの表示を PNG で保存',
  downloadSvg: 'いまの表示を SVG で保存',
  graphPicker: 'グラフ',
  hint: 'ノードをクリックすると詳細を表示、スコープをダブルクリックすると開閉します。',
  moreLinks: '…ほか',
  seriesCount: '×{count} {op}',
  series: '{op} 演算 {count} 個の連番',
  ungroup: 'まとめを解く',
  group: 'まとめる',
  ungroupTitle: 'この連番の演算を一つずつ表示します',
  groupTitle: 'この連番を一つのノードにまとめます',
  colourBy: '色分け',
  colourStructure: '構造',
  colourDevice: 'デバイス',
  colourNone: 'なし',
  traceInputs: '入力をたどる',
  traceCount: 'この演算に {count} 個の演算がつながっています',
};

const CATALOGUE: Record<GraphLanguage, Record<GraphTextKey, string>> = { en, ja };

/** The text for `key`; a text `one|other` picks its singular form when `count` is 1. */
export function graphText(lang: GraphLanguage, key: GraphTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  const forms = CATALOGUE[lang][key].split('|');
  const text = forms.length === 2 ? forms[params['count'] === 1 ? 0 : 1]! : forms[0]!;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
