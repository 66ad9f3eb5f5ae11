/** Saving a file in a browser: a download of an object URL, as the board host's `saveFiles` does it. */
import type { ExportedFile } from '../../src/host-api.ts';

export function downloadInBrowser(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; free it once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
