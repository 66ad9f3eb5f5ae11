/**
 * Memory of Chromium's renderer processes, read from /proc (Linux): the page and its
 * workers live in one renderer process, so its resident size is what the page costs.
 *
 *     rendererMemoryMB(browserPid); // e.g. 212.4
 */
import fs from 'node:fs';

function children(pid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    if (Number(stat[1]) === pid) out.push(Number(name));
  }
  return out;
}

/** The largest resident set among the browser's renderer processes (the page's; spare renderers are small), in MB. */
export function rendererMemoryMB(browserPid: number): number {
  const all: number[] = [];
  const todo = [browserPid];
  while (todo.length > 0) for (const c of children(todo.pop()!)) all.push(c), todo.push(c);
  let largest = 0;
  for (const pid of all) {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('--type=renderer')) continue;
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (rss !== null) largest = Math.max(largest, Number(rss[1]) / 1024);
  }
  if (largest === 0) throw new Error(`no renderer process found under browser process ${browserPid}`);
  return largest;
}
