import { describe, expect, it } from 'vitest';
import { backendSummary, backendText } from '../../../renderer/lesson/backend-text.ts';
import { BACKEND_KEY, type ChoiceStorage, LessonBackend } from '../../../renderer/lesson/lesson-backend.ts';

const mapStorage = (init: Record<string, string> = {}): ChoiceStorage & { map: Map<string, string> } => {
  const map = new Map(Object.entries(init));
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

describe('LessonBackend', () => {
  it('starts on WebGL, remembers a choice of CPU, and a new instance reads it back', () => {
    const storage = mapStorage();
    const b = new LessonBackend(storage);
    expect(b.now).toEqual({ chosen: 'webgl', inUse: null });
    b.choose('cpu');
    expect(storage.map.get(BACKEND_KEY)).toBe('cpu');
    expect(new LessonBackend(storage).now.chosen).toBe('cpu');
    // Anything else saved there (an old or hand-edited value) means the default.
    expect(new LessonBackend(mapStorage({ [BACKEND_KEY]: 'tpu' })).now.chosen).toBe('webgl');
  });

  it('keeps working when storage throws, and forgets what the last run used when the choice changes', () => {
    const broken: ChoiceStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const b = new LessonBackend(broken);
    const seen: string[] = [];
    b.subscribe((s) => seen.push(`${s.chosen}/${s.inUse?.name ?? '-'}`));
    b.report({ name: 'webgl', renderer: 'ANGLE (SwiftShader)', fallback: null });
    b.choose('cpu');
    expect(seen).toEqual(['webgl/webgl', 'cpu/-']);
  });
});

describe('backend text', () => {
  it('names the backend and renderer for the status bar, and the fallback in both languages', () => {
    expect(backendSummary('en', 'webgl', null)).toBe('webgl');
    expect(backendSummary('en', 'webgl', { name: 'webgl', renderer: 'ANGLE (SwiftShader)', fallback: null })).toBe('webgl · ANGLE (SwiftShader)');
    expect(backendSummary('en', 'cpu', { name: 'cpu', renderer: null, fallback: null })).toBe('cpu');
    const fell = { name: 'cpu', renderer: null, fallback: { reason: 'no-webgl2', detail: 'x' } } as const;
    expect(backendSummary('en', 'webgl', fell)).toBe('cpu (WebGL unavailable)');
    expect(backendSummary('ja', 'webgl', fell)).toBe('cpu (WebGL 使用不可)');
    for (const reason of ['no-webgl2', 'no-float-targets', 'failed'] as const) {
      expect(backendText('en').fallback(reason)).toMatch(/CPU$/);
      expect(backendText('ja').fallback(reason)).toMatch(/CPU で実行しました$/);
    }
  });
});
