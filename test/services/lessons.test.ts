import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LessonCatalog, PROJECT_MARKER, projectLesson, readLessonLayout } from '../../main/services/lessons.ts';
import { LESSONS, makeService, tempDir } from './helpers.ts';

const SGD = path.join(LESSONS, 'sgd');

describe('built-in lessons', () => {
  it('lists the SGD lesson with its Japanese and English titles from its texts', async () => {
    const sgd = (await new LessonCatalog(LESSONS).list()).find((l) => l.id === 'sgd');
    const layout = await readLessonLayout(SGD, 'sgd');
    const heading = (file: string) => /^#\s+(.+)$/m.exec(fs.readFileSync(path.join(SGD, file), 'utf8'))![1]!.split(' / ');
    expect(sgd?.title).toEqual({ ja: heading(layout.text.ja)[0], en: heading(layout.text.en).at(-1) });
    expect(sgd?.title.ja).toMatch(/[ぁ-んァ-ン]/); // Japanese text, not the English title twice
    expect(sgd?.title.en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('takes separate Japanese and English texts over one bilingual README', async () => {
    const dir = path.join(tempDir(), 'two');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.ts'), '');
    fs.writeFileSync(path.join(dir, 'README.md'), '# 両方 / Both');
    fs.writeFileSync(path.join(dir, 'README.ja.md'), '# 日本語');
    fs.writeFileSync(path.join(dir, 'README.en.md'), '# English');
    expect(await readLessonLayout(dir, 'two')).toMatchObject({ text: { ja: 'README.ja.md', en: 'README.en.md' }, title: { ja: '日本語', en: 'English' } });
  });

  it("finds the SGD script, its text, and the logdir it writes to (the script's ./tmp/sgd)", async () => {
    const layout = await readLessonLayout(SGD, 'sgd');
    expect(layout.script).toBe('sgd_function.ts');
    expect(layout.logdir).toBe('tmp/sgd');
    expect(fs.readFileSync(path.join(SGD, layout.script), 'utf8')).toContain("'./tmp/sgd'");
  });

  it('reads a lesson.json manifest when a lesson has one', async () => {
    const dir = path.join(tempDir(), 'mlp');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'model.ts'), 'export {};');
    fs.writeFileSync(path.join(dir, 'ja.md'), '# 多層');
    fs.writeFileSync(path.join(dir, 'en.md'), '# MLP');
    fs.writeFileSync(path.join(dir, 'lesson.json'), JSON.stringify({ script: 'model.ts', logdir: 'logs/mlp', title: { ja: '多層', en: 'MLP' }, text: { ja: 'ja.md', en: 'en.md' } }));
    expect(await readLessonLayout(dir, 'mlp')).toEqual({ lesson: 'mlp', script: 'model.ts', text: { ja: 'ja.md', en: 'en.md' }, logdir: 'logs/mlp', title: { ja: '多層', en: 'MLP' } });
  });

  it('copies a lesson into a new project folder (sgd, then sgd-2) with a marker naming the lesson', async () => {
    const parent = tempDir();
    const catalog = new LessonCatalog(LESSONS);
    const first = await catalog.createProject('sgd', parent);
    const second = await catalog.createProject('sgd', parent);
    expect([first, second]).toEqual([path.join(parent, 'sgd'), path.join(parent, 'sgd-2')]);
    for (const name of fs.readdirSync(SGD)) expect(fs.readFileSync(path.join(first, name))).toEqual(fs.readFileSync(path.join(SGD, name)));
    expect(fs.existsSync(path.join(first, PROJECT_MARKER))).toBe(true);
    expect((await projectLesson(first))?.lesson).toBe('sgd');
    expect(await projectLesson(parent)).toBeNull(); // any other folder is not a lesson
  });

  it('refuses ids that are not lesson names, and lessons that do not exist', async () => {
    const catalog = new LessonCatalog(LESSONS);
    await expect(catalog.createProject('../sgd', tempDir())).rejects.toThrow(/not a lesson id/);
    await expect(catalog.createProject('nope', tempDir())).rejects.toThrow(/no built-in lesson 'nope'/);
  });
});

describe('lesson projects through the host', () => {
  it('creates, opens, reads and saves a lesson project', async () => {
    const projectsDir = tempDir();
    const host = makeService({ projectsDir });
    const project = await host.createLessonProject('sgd');
    expect(project).toMatchObject({ name: 'sgd', path: path.join(projectsDir, 'sgd'), kind: 'folder', lesson: 'sgd' });
    expect((await host.listOpenProjects()).map((p) => p.id)).toEqual([project.id]);

    const content = await host.readLesson(project.id);
    const layout = await readLessonLayout(SGD, 'sgd');
    const text = (file: string) => fs.readFileSync(path.join(SGD, file), 'utf8');
    expect(content).toEqual({
      projectId: project.id, lesson: 'sgd', scriptName: 'sgd_function.ts',
      script: text('sgd_function.ts'), text: { ja: text(layout.text.ja), en: text(layout.text.en) }, logdir: 'tmp/sgd',
    });

    await host.saveLessonScript(project.id, '// edited\n');
    expect(fs.readFileSync(path.join(project.path, 'sgd_function.ts'), 'utf8')).toBe('// edited\n');
    expect((await host.readLesson(project.id)).script).toBe('// edited\n');
    // The built-in lesson itself is untouched.
    expect(fs.readFileSync(path.join(SGD, 'sgd_function.ts'), 'utf8')).not.toBe('// edited\n');
  });

  it('refuses lesson calls on a project that is not a lesson', async () => {
    const host = makeService();
    const p = await host.openTrusted(tempDir());
    await expect(host.readLesson(p.id)).rejects.toThrow(/not made from a lesson/);
    await expect(host.saveLessonScript(p.id, 'x')).rejects.toThrow(/not made from a lesson/);
  });
});
