/** Which run the Graph tab shows (pure, so it is tested without a page). */
import type { RunInfo } from '../../src/host-api.ts';

/** The run to show: the user's pick while it stays selected, else the current project's first, else the first. */
export function chooseGraphRun(selected: readonly RunInfo[], picked: string | null, currentProjectId: string | null): string | null {
  if (picked !== null && selected.some((r) => r.id === picked)) return picked;
  return (selected.find((r) => r.projectId === currentProjectId) ?? selected[0])?.id ?? null;
}
