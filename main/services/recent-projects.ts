/**
 * The recent-projects list, persisted as JSON in the user's settings folder
 * (`recent-projects.json`), most recent first. Both hosts share it, so a project opened
 * in the desktop app is offered by `npm start`'s board fallback too.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface RecentEntry {
  readonly path: string;
  readonly kind: 'folder' | 'event-file';
  readonly lesson: string | null;
  /** Milliseconds since 1970. */
  readonly openedAt: number;
}

const FILE = 'recent-projects.json';
const MAX = 20;

function parseEntries(text: string): RecentEntry[] {
  const data = JSON.parse(text) as { projects?: unknown };
  if (!Array.isArray(data.projects)) return [];
  const out: RecentEntry[] = [];
  for (const e of data.projects as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const { path: p, kind, lesson, openedAt } = e as Record<string, unknown>;
    if (typeof p !== 'string' || !path.isAbsolute(p) || (kind !== 'folder' && kind !== 'event-file')) continue;
    out.push({ path: p, kind, lesson: typeof lesson === 'string' ? lesson : null, openedAt: typeof openedAt === 'number' ? openedAt : 0 });
  }
  return out;
}

export class RecentProjects {
  private entries: RecentEntry[] | null = null;
  /** Writes happen one after another, so the file always holds the latest complete list. */
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly configDir: string) {}

  get file(): string {
    return path.join(this.configDir, FILE);
  }

  /** The list, most recent first. A missing or unreadable file is an empty list (it is only a convenience). */
  async list(): Promise<RecentEntry[]> {
    if (this.entries === null) {
      try {
        this.entries = parseEntries(await fs.readFile(this.file, 'utf8'));
      } catch {
        this.entries = [];
      }
    }
    return [...this.entries];
  }

  /** Put a project first (adding it, or moving it up) and save. */
  async touch(entry: Omit<RecentEntry, 'openedAt'>, now = Date.now()): Promise<void> {
    const rest = (await this.list()).filter((e) => e.path !== entry.path);
    this.entries = [{ ...entry, openedAt: now }, ...rest].slice(0, MAX);
    await this.save();
  }

  async remove(projectPath: string): Promise<void> {
    const before = await this.list();
    this.entries = before.filter((e) => e.path !== projectPath);
    if (this.entries.length !== before.length) await this.save();
  }

  private save(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, projects: this.entries }, null, 2)}\n`;
    // A failed write must not block later ones: chain on the previous write's settling, not its success.
    this.writing = this.writing.catch(() => undefined).then(async () => {
      await fs.mkdir(this.configDir, { recursive: true });
      // Write beside, then rename: a crash mid-write never leaves half a list behind.
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, this.file);
    });
    return this.writing;
  }
}
