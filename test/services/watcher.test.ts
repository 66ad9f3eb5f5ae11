// New runs and new events must show within 2 seconds, on a real folder, with and without fs.watch.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../src/host-api.ts';
import { eventFile, makeService, records, scalarEvent, tempDir, waitFor } from './helpers.ts';

for (const watch of [true, false]) {
  describe(watch ? 'with fs.watch' : 'polling only (where fs.watch reports nothing)', () => {
    it('shows a new run and its appended events within 2 s, and tells subscribers', async () => {
      const root = tempDir();
      const host = makeService({ watch });
      const project = await host.openTrusted(root);
      const events: HostEvent[] = [];
      host.subscribe((e) => events.push(e));

      // A training run starts: a new folder, a new event file with the first events.
      const dir = path.join(root, 'runs', 'lr-0.01');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'events.out.tfevents.1600000000.trainer');
      fs.writeFileSync(file, eventFile([scalarEvent(0, 'loss', 1)]));
      // Subscribers hear of it (the event may come a moment after the list shows it: wait for both).
      const { value: run, elapsed: newRun } = await waitFor(async () => {
        const found = (await host.listRuns()).find((r) => r.name === 'runs/lr-0.01');
        return events.some((e) => e.type === 'runs-changed' && e.projectId === project.id) && found;
      }, 4000);
      expect(newRun).toBeLessThan(2000);

      // It goes on: more events appended to the same file, the last one in two writes.
      const more = records([scalarEvent(1, 'loss', 0.5), scalarEvent(2, 'loss', 0.25)]);
      fs.appendFileSync(file, more.subarray(0, more.length - 7));
      await new Promise((r) => setTimeout(r, 50));
      fs.appendFileSync(file, more.subarray(more.length - 7));
      events.length = 0;
      const { elapsed: grew } = await waitFor(async () => (await host.readScalars(run.id, 'loss')).values.length === 3 && events.some((e) => e.type === 'run-updated' && e.runId === run.id), 4000);
      expect(grew).toBeLessThan(2000);
      expect((await host.readScalars(run.id, 'loss')).values).toEqual([1, 0.5, 0.25]);
    });

    it('drops a run whose folder was removed outside the app', async () => {
      const root = tempDir();
      fs.mkdirSync(path.join(root, 'a'));
      fs.mkdirSync(path.join(root, 'b'));
      fs.writeFileSync(path.join(root, 'a', 'events.out.tfevents.1.x'), eventFile([scalarEvent(0, 'x', 1)]));
      fs.writeFileSync(path.join(root, 'b', 'events.out.tfevents.1.x'), eventFile([scalarEvent(0, 'x', 2)]));
      const host = makeService({ watch });
      await host.openTrusted(root);
      expect((await host.listRuns()).map((r) => r.name)).toEqual(['a', 'b']);
      fs.rmSync(path.join(root, 'a'), { recursive: true });
      const { elapsed } = await waitFor(async () => (await host.listRuns()).map((r) => r.name).join() === 'b', 4000);
      expect(elapsed).toBeLessThan(2000);
    });
  });
}
