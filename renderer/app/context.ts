/** What the shell hands each of its views. */
import type { HostApi } from '../../src/host-api.ts';
import type { AppState } from './state.ts';

export interface ViewContext {
  readonly host: HostApi;
  readonly state: AppState;
  /** A short message in the status bar (saved files, failures). */
  notify(text: string, kind?: 'info' | 'error'): void;
}

export interface ViewHandle {
  dispose(): void;
}
