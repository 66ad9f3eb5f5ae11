/**
 * A run's actions: rename (inline), delete (to the trash, after confirming) and export
 * in the reader's formats (saved where the user chooses; in a browser, as downloads).
 */
import type { ExportFormat, RunInfo } from '../../src/host-api.ts';
import type { ViewContext } from './context.ts';
import { h } from './dom.ts';

const FORMATS: readonly ExportFormat[] = ['tfevents', 'csv', 'json'];

export function openRunMenu(anchor: HTMLElement, run: RunInfo, ctx: ViewContext, startRename: () => void): void {
  const { host, state } = ctx;
  closeMenus();
  const act = (label: string, testid: string, action: () => Promise<void> | void): HTMLElement =>
    h('button', {
      role: 'menuitem', 'data-testid': testid,
      onclick: () => {
        closeMenus();
        Promise.resolve(action()).catch((e: unknown) => ctx.notify(state.t('error.generic', { message: (e as Error).message }), 'error'));
      },
    }, label);
  const menu = h('div', { class: 'menu', role: 'menu' },
    act(state.t('runs.rename'), 'run-rename', startRename),
    ...FORMATS.map((f) => act(state.t('runs.export', { format: f }), `run-export-${f}`, async () => {
      const files = await host.exportRun(run.id, f);
      const where = await host.saveFiles(files);
      if (where !== null) ctx.notify(state.t('runs.exported', { where }));
    })),
    act(state.t('runs.delete'), 'run-delete', async () => {
      if (window.confirm(state.t('runs.deleteConfirm', { name: run.name }))) await host.deleteRun(run.id);
    }),
  );
  const box = anchor.getBoundingClientRect();
  menu.style.left = `${box.left}px`;
  menu.style.top = `${box.bottom + 2}px`;
  document.body.append(menu);
  (menu.firstElementChild as HTMLElement | null)?.focus();
  // Close on the next click elsewhere or Escape.
  setTimeout(() => {
    const outside = (e: Event): void => {
      if (!menu.contains(e.target as Node)) closeMenus();
    };
    const escape = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') closeMenus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    menu.addEventListener('menu-close', () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    });
  });
}

function closeMenus(): void {
  for (const m of document.querySelectorAll('.menu')) {
    m.dispatchEvent(new Event('menu-close'));
    m.remove();
  }
}

/** Replace a run's label with a text field; Enter renames, Escape or leaving cancels. */
export function renameInline(label: HTMLElement, run: RunInfo, ctx: ViewContext): void {
  const input = h('input', { type: 'text', class: 'rename', value: run.name, 'data-testid': 'run-rename-input' });
  let done = false;
  const finish = (commit: boolean): void => {
    if (done) return;
    done = true;
    input.replaceWith(label);
    const name = input.value.trim();
    if (commit && name !== '' && name !== run.name) {
      ctx.host.renameRun(run.id, name).catch((e: unknown) => ctx.notify(ctx.state.t('error.generic', { message: (e as Error).message }), 'error'));
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => finish(false));
  label.replaceWith(input);
  input.focus();
  input.select();
}
