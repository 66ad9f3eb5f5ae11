/**
 * What the engine needs from whoever runs it (the CLI on Node, a worker in the app).
 * `src/` never touches files or stdout itself: the host installs these sinks.
 */

/** An append-only file that event records are written to. */
export interface AppendableFile {
  append(bytes: Uint8Array): void;
  flush(): void;
  close(): void;
}

export interface EngineHost {
  /** A line of `tf.print` output (without the trailing newline). */
  print(line: string): void;
  /** Open (create) `name` inside directory `dir` (created if missing) for appending. */
  openAppendable(dir: string, name: string): AppendableFile;
  /** Used in event file names (`events.out.tfevents.<seconds>.<hostname>`). */
  hostname(): string;
}

const noFiles = (): never => {
  throw new Error('This host cannot write files: no event file sink is installed (tf.setHost).');
};

let current: EngineHost = {
  print: (line) => console.log(line),
  openAppendable: noFiles,
  hostname: () => 'localhost',
};

/** Install the host's sinks; returns the previous host so callers can restore it. */
export function setHost(host: Partial<EngineHost>): EngineHost {
  const previous = current;
  current = { ...current, ...host };
  return previous;
}

export function getHost(): EngineHost {
  return current;
}
