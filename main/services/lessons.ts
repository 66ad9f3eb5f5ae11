/**
 * Built-in lessons (`resources/lessons/<id>/`: a model script and its text) and the
 * projects made from them. A lesson folder may hold a `lesson.json`
 * (`{ script, logdir, title: {ja, en}, text: {ja, en} }`); without one, the script is its
 * only .ts/.js file, the text is `README.ja.md` / `README.en.md` or one bilingual
 * `README.md`, the title is that README's first heading (`ja / en`), and the logdir is the
 * `./tmp/…` string the script writes to.
 *
 * A project made from a lesson is a copy of the lesson folder plus `.keisan-lesson.json`,
 * which records where things are, so reopening the folder later opens it as that lesson.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LessonInfo } from '../../src/host-api.ts';
import { HostError } from './host-error.ts';

export interface LessonLayout {
  readonly lesson: string;
  /** File names relative to the lesson (and project) folder. */
  readonly script: string;
  readonly text: { readonly ja: string; readonly en: string };
  /** Where the script's FileWriter writes, relative to the project. */
  readonly logdir: string;
  readonly title: { readonly ja: string; readonly en: string };
}

export const PROJECT_MARKER = '.keisan-lesson.json';
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const exists = (p: string): Promise<boolean> => fs.access(p).then(() => true, () => false);
const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
/** A lesson's own file names must stay plain names inside its folder. */
const plain = (x: unknown): string | null => {
  const s = str(x);
  return s !== null && !s.includes('..') && !path.isAbsolute(s) ? s : null;
};

/** A README's first heading; a bilingual one reads `日本語 / English`. */
function heading(markdown: string, id: string): { ja: string; en: string } {
  const h = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  if (h === undefined) return { ja: id, en: id };
  const parts = h.split(' / ');
  return { ja: parts[0]!.trim(), en: parts[parts.length - 1]!.trim() };
}

/** Read a lesson folder's layout (also used on a project folder holding a lesson copy). */
export async function readLessonLayout(dir: string, id: string): Promise<LessonLayout> {
  const names = (await fs.readdir(dir)).sort();
  let manifest: Record<string, unknown> = {};
  if (names.includes('lesson.json')) manifest = JSON.parse(await fs.readFile(path.join(dir, 'lesson.json'), 'utf8')) as Record<string, unknown>;
  const script = plain(manifest['script']) ?? names.find((n) => /\.(ts|js|mts|mjs)$/.test(n) && !n.endsWith('.d.ts'));
  if (script === undefined) throw new HostError(`lesson '${id}' has no script`, 404);
  const text = (manifest['text'] ?? {}) as Record<string, unknown>;
  const readme = names.includes('README.md') ? 'README.md' : null;
  const ja = plain(text['ja']) ?? (names.includes('README.ja.md') ? 'README.ja.md' : readme);
  const en = plain(text['en']) ?? (names.includes('README.en.md') ? 'README.en.md' : readme);
  if (ja === null || en === null) throw new HostError(`lesson '${id}' has no text (README.md)`, 404);
  const source = await fs.readFile(path.join(dir, script), 'utf8');
  const logdir = plain(manifest['logdir']) ?? /['"]\.\/(tmp\/[^'"]+)['"]/.exec(source)?.[1] ?? `tmp/${id}`;
  const t = (manifest['title'] ?? null) as Record<string, unknown> | null;
  const title = t !== null && str(t['ja']) !== null && str(t['en']) !== null
    ? { ja: t['ja'] as string, en: t['en'] as string }
    : { ja: heading(await fs.readFile(path.join(dir, ja), 'utf8'), id).ja, en: heading(await fs.readFile(path.join(dir, en), 'utf8'), id).en };
  return { lesson: id, script, text: { ja, en }, logdir, title };
}

export class LessonCatalog {
  constructor(readonly lessonsDir: string) {}

  async list(): Promise<LessonInfo[]> {
    const dirs = await fs.readdir(this.lessonsDir, { withFileTypes: true }).catch(() => []);
    const out: LessonInfo[] = [];
    for (const d of dirs) {
      if (!d.isDirectory() || !ID.test(d.name)) continue;
      const layout = await readLessonLayout(path.join(this.lessonsDir, d.name), d.name).catch(() => null);
      if (layout !== null) out.push({ id: d.name, title: layout.title });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async dir(id: unknown): Promise<string> {
    if (typeof id !== 'string' || !ID.test(id)) throw new HostError(`'${String(id)}' is not a lesson id`);
    const dir = path.join(this.lessonsDir, id);
    if (!(await exists(dir))) throw new HostError(`no built-in lesson '${id}'`, 404);
    return dir;
  }

  /**
   * Copy lesson `id` into a new folder under `parentDir` (`sgd`, or `sgd-2`, `sgd-3`, … when
   * taken) and write the project marker. Returns the new folder.
   */
  async createProject(id: unknown, parentDir: string): Promise<string> {
    const src = await this.dir(id);
    const layout = await readLessonLayout(src, id as string);
    await fs.mkdir(parentDir, { recursive: true });
    for (let n = 1; n < 1000; n++) {
      const target = path.join(parentDir, n === 1 ? layout.lesson : `${layout.lesson}-${n}`);
      try {
        await fs.mkdir(target); // fails if taken: claims the name atomically
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw e;
      }
      await fs.cp(src, target, { recursive: true, errorOnExist: true, force: false });
      await fs.writeFile(path.join(target, PROJECT_MARKER), `${JSON.stringify(layout, null, 2)}\n`);
      return target;
    }
    throw new HostError(`too many '${layout.lesson}' projects in ${parentDir}`, 409);
  }
}

/** The lesson a project folder was made from, or null for any other folder. */
export async function projectLesson(projectDir: string): Promise<LessonLayout | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(projectDir, PROJECT_MARKER), 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(text) as Record<string, unknown>;
    const t = (m['text'] ?? {}) as Record<string, unknown>;
    const title = (m['title'] ?? {}) as Record<string, unknown>;
    const lesson = str(m['lesson']), script = plain(m['script']), ja = plain(t['ja']), en = plain(t['en']), logdir = plain(m['logdir']);
    if (lesson === null || script === null || ja === null || en === null || logdir === null) return null;
    return { lesson, script, text: { ja, en }, logdir, title: { ja: str(title['ja']) ?? lesson, en: str(title['en']) ?? lesson } };
  } catch {
    return null;
  }
}
