/**
 * Deleting a run moves its folder to the OS trash, never deletes it for good: a student
 * who deletes the wrong run gets it back from the trash. In Electron the host passes
 * `shell.trashItem`. Elsewhere (`keisan board`) we use the OS's own tool, run without a
 * shell (the path is an argument, never parsed): `gio trash` (GLib, the freedesktop.org
 * trash that GNOME/KDE file managers show), `trash-put` (trash-cli); `/usr/bin/trash`
 * (macOS 14+) or Finder via osascript; on Windows the Recycle Bin through PowerShell.
 * Where none exists, deleting is refused with a message saying so.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HostError } from './host-error.ts';

export type TrashFn = (absolutePath: string) => Promise<void>;

function run(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 30_000, windowsHide: true, env: env ?? process.env }, (err, _out, stderr) => {
      if (err) reject(new Error(`${path.basename(cmd)} failed: ${String(stderr).trim() || err.message}`));
      else resolve();
    });
  });
}

/** An executable on PATH, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** This system's trash command, or null where there is none we trust. */
export function commandTrash(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { name: string; trash: TrashFn } | null {
  if (platform === 'win32') {
    // VisualBasic's FileSystem is the documented .NET way to send to the Recycle Bin. The
    // path travels in an environment variable so no quoting can turn it into code.
    const script = "Add-Type -AssemblyName Microsoft.VisualBasic; $p = $env:KEISAN_TRASH_PATH; if (Test-Path -LiteralPath $p -PathType Container) { [Microsoft.VisualBasic.FileIO.FileSystem]::DeleteDirectory($p, 'OnlyErrorDialogs', 'SendToRecycleBin') } else { [Microsoft.VisualBasic.FileIO.FileSystem]::DeleteFile($p, 'OnlyErrorDialogs', 'SendToRecycleBin') }";
    return { name: 'the Recycle Bin (PowerShell)', trash: (p) => run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { ...env, KEISAN_TRASH_PATH: p }) };
  }
  if (platform === 'darwin') {
    if (fs.existsSync('/usr/bin/trash')) return { name: '/usr/bin/trash', trash: (p) => run('/usr/bin/trash', [p]) };
    const script = 'on run argv\ntell application "Finder" to delete (POSIX file (item 1 of argv) as alias)\nend run';
    return { name: 'the Finder (osascript)', trash: (p) => run('/usr/bin/osascript', ['-e', script, p]) };
  }
  const gio = findOnPath('gio', env);
  if (gio !== null) return { name: 'gio trash', trash: (p) => run(gio, ['trash', '--', p], env) };
  const trashPut = findOnPath('trash-put', env);
  if (trashPut !== null) return { name: 'trash-put', trash: (p) => run(trashPut, ['--', p], env) };
  return null;
}

/**
 * Move `absolutePath` to the trash with `trash` (injected: Electron's shell.trashItem) or
 * the system's command; check it is really gone, since some tools exit 0 when they could not.
 */
export async function moveToTrash(absolutePath: string, trash: TrashFn | null, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const fn = trash ?? commandTrash(env)?.trash ?? null;
  if (fn === null) {
    throw new HostError(`this system has no trash Keisan can use (gio or trash-put), so nothing was deleted; delete '${absolutePath}' yourself if you mean it`, 501);
  }
  await fn(absolutePath);
  const stillThere = (() => { try { fs.lstatSync(absolutePath); return true; } catch { return false; } })();
  if (stillThere) throw new HostError(`'${absolutePath}' could not be moved to the trash`, 409);
}
