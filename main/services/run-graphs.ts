/**
 * A run's graphs: those found in its event files, then GraphDef files (`.pb`, `.pbtxt`)
 * beside them. The files are read again only when their size or modification time
 * changes, so listing graphs on every view switch costs a `stat` per file.
 */
import fs from 'node:fs/promises';
import type { GraphSource, RunData } from '../../src/events/run-data.ts';
import { readGraphFile, type RunEntry } from '../logdir/index.ts';

export class RunGraphs {
  private readonly files = new Map<string, { stamp: string; source: GraphSource | null }>();

  async of(run: RunData, entry: RunEntry): Promise<GraphSource[]> {
    const fromFiles: GraphSource[] = [];
    for (const file of entry.graphFiles) {
      const st = await fs.stat(file).catch(() => null);
      if (st === null) continue;
      const stamp = `${st.size}:${st.mtimeMs}`;
      let cached = this.files.get(file);
      // A file that does not parse lists no graph (inspect names the problem), rather than failing the run.
      if (cached?.stamp !== stamp) this.files.set(file, (cached = { stamp, source: await readGraphFile(file).catch(() => null) }));
      if (cached.source !== null) fromFiles.push(cached.source);
    }
    return [...run.graphs, ...fromFiles];
  }
}
