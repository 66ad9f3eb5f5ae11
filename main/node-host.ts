/**
 * The engine host on Node (the `keisan` CLI): `tf.print` to stdout, event files on disk.
 * Writes are synchronous, so every event is in the OS's hands before the next line of
 * the script runs, and a script that crashes leaves its event file readable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppendableFile, type EngineHost, setHost } from '../src/host.ts';

function openAppendable(dir: string, name: string): AppendableFile {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  let fd: number | null = fs.openSync(file, 'a');
  const live = (): number => {
    if (fd === null) throw new Error(`Event file ${file} is closed`);
    return fd;
  };
  return {
    append(bytes) {
      const f = live();
      // writeSync may write less than asked (e.g. on a full pipe or disk); keep going until done.
      for (let off = 0; off < bytes.length; ) off += fs.writeSync(f, bytes, off, bytes.length - off);
    },
    // Data is already with the OS after append; flush also makes it survive a machine crash.
    flush() {
      fs.fsyncSync(live());
    },
    close() {
      if (fd === null) return;
      fs.closeSync(fd);
      fd = null;
    },
  };
}

export const nodeHost: EngineHost = {
  print: (line) => {
    process.stdout.write(`${line}\n`);
  },
  openAppendable,
  hostname: () => os.hostname(),
};

/** Make the engine print and write files through Node; returns the host it replaces. */
export function installNodeHost(): EngineHost {
  return setHost(nodeHost);
}
