/**
 * Where an event file written by the worker goes: the script names a directory as it
 * would on disk (`./tmp/sgd`, relative to the project, as Python's relative paths are to
 * the working directory) and the host wants a path inside the project.
 *
 *     projectRelativePath('./tmp/sgd', 'events.out.tfevents.1.keisan'); // 'tmp/sgd/events.out.tfevents.1.keisan'
 */
export class OutsideProjectError extends Error {
  constructor(path: string) {
    super(`'${path}' is outside the project: scripts run in the app write only inside their project folder.`);
    this.name = 'OutsideProjectError';
  }
}

export function projectRelativePath(dir: string, name: string): string {
  const joined = `${dir}/${name}`.replace(/\\/g, '/');
  if (joined.startsWith('/') || /^[A-Za-z]:/.test(joined)) throw new OutsideProjectError(joined);
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new OutsideProjectError(joined);
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  if (parts.length === 0) throw new OutsideProjectError(joined);
  return parts.join('/');
}
