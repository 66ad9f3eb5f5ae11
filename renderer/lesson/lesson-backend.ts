/**
 * Which backend lessons run on: the user's choice (WebGL unless they picked the CPU,
 * remembered across reloads) and what the last run actually used (the worker may fall back
 * to the CPU, and says why). The lesson view's control writes the choice; the runner
 * reports what was used; the status bar and the lesson view's notice read both.
 *
 *     const backend = new LessonBackend(browserStorage());
 *     backend.choose('cpu');              // remembered
 *     backend.report({ name: 'webgl', renderer: 'ANGLE (…)', fallback: null });
 */
import type { BackendInUse, BackendName } from '../worker/protocol.ts';

/** What the choice is kept in (localStorage in the page; a Map in tests). */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const BACKEND_KEY = 'keisan.lessonBackend';

export interface BackendSnapshot {
  readonly chosen: BackendName;
  /** What the latest run (since the choice last changed) used; null before one starts. */
  readonly inUse: BackendInUse | null;
}

export class LessonBackend {
  private state: BackendSnapshot;
  private readonly listeners = new Set<(s: BackendSnapshot) => void>();

  constructor(private readonly storage: ChoiceStorage | null) {
    this.state = { chosen: readChoice(storage), inUse: null };
  }

  get now(): BackendSnapshot {
    return this.state;
  }

  /** Remember `name` for this and later sessions; what a previous run used no longer applies. */
  choose(name: BackendName): void {
    try {
      this.storage?.setItem(BACKEND_KEY, name);
    } catch {
      // Storage may be full or denied (private windows): the choice still holds for this session.
    }
    this.set({ chosen: name, inUse: null });
  }

  /** What the worker says the current run uses. */
  report(inUse: BackendInUse): void {
    this.set({ ...this.state, inUse });
  }

  subscribe(listener: (s: BackendSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: BackendSnapshot): void {
    this.state = next;
    for (const l of [...this.listeners]) l(next);
  }
}

function readChoice(storage: ChoiceStorage | null): BackendName {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(BACKEND_KEY) ?? null;
  } catch {
    saved = null;
  }
  return saved === 'cpu' ? 'cpu' : 'webgl';
}

/** The page's localStorage, or null where there is none (tests in Node, storage denied). */
export function browserStorage(): ChoiceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The app's one instance, shared by the lesson runner, the lesson view and the status bar
 * (the status bar is made before the runner, so they meet here rather than through the shell).
 */
export const lessonBackend = new LessonBackend(browserStorage());
