/**
 * The application menu: File ▸ Open Folder…, Open Event File…, New Lesson Project, Export
 * Run ▸ <run> ▸ <format>, plus the standard Edit/View/Window menus (Edit is what makes
 * copy and paste work in the editor on macOS). Export lists the open runs, so the menu is
 * rebuilt when runs change. Labels follow the OS language (Japanese or English).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, LessonInfo, RunInfo } from '../../src/host-api.ts';

export interface MenuActions {
  openFolder(): void;
  openEventFile(): void;
  newLessonProject(lessonId: string): void;
  exportRun(runId: string, format: ExportFormat): void;
}

const TEXT = {
  en: {
    file: 'File', openFolder: 'Open Folder…', openEventFile: 'Open Event File…', newLesson: 'New Lesson Project', exportRun: 'Export Run',
    noRuns: 'No runs open', tfevents: 'Event files (TensorBoard)…', csv: 'Scalars as CSV…', json: 'Scalars as JSON…',
  },
  ja: {
    file: 'ファイル', openFolder: 'フォルダーを開く…', openEventFile: 'イベントファイルを開く…', newLesson: '新しいレッスンプロジェクト', exportRun: 'ランを書き出す',
    noRuns: '開いているランはありません', tfevents: 'イベントファイル (TensorBoard)…', csv: 'スカラーを CSV で…', json: 'スカラーを JSON で…',
  },
};

export function buildMenu(language: string, lessons: readonly LessonInfo[], runs: readonly RunInfo[], projectNames: ReadonlyMap<string, string>, actions: MenuActions): Menu {
  const ja = language === 'ja';
  const t = ja ? TEXT.ja : TEXT.en;
  const formats: ExportFormat[] = ['tfevents', 'csv', 'json'];
  const lessonItems: MenuItemConstructorOptions[] = lessons.map((l) => ({ label: ja ? l.title.ja : l.title.en, click: () => actions.newLessonProject(l.id) }));
  const runItems: MenuItemConstructorOptions[] = runs.map((r) => ({
    // Runs of different projects may share a name (`.`): say whose.
    label: `${projectNames.get(r.projectId) ?? ''} / ${r.name}`,
    submenu: formats.map((f) => ({ label: t[f], click: () => actions.exportRun(r.id, f) })),
  }));
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.openFolder, accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: t.openEventFile, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openEventFile() },
      lessonItems.length === 1
        ? { label: t.newLesson, click: () => actions.newLessonProject(lessons[0]!.id) }
        : { label: t.newLesson, submenu: lessonItems, enabled: lessonItems.length > 0 },
      { type: 'separator' },
      { label: t.exportRun, submenu: runItems.length > 0 ? runItems : [{ label: t.noRuns, enabled: false }] },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
