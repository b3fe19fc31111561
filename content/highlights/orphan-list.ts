/**
 * The highlights that did not attach on the last drawing: shown in a panel until the reader
 * dismisses them, and reported to the background (only when the list changes) so the notes page can
 * list them. Drawing does not depend on the report.
 */
import type { Highlight } from '../../utils/highlights/types';

export interface OrphanList {
  set(list: Highlight[]): void;
  all(): Highlight[];
  /** Those not dismissed. */
  visible(): Highlight[];
  dismissVisible(): void;
  /** Sends the ids of the stored orphans if they changed since the last report. */
  report(isStored: (id: string) => boolean): void;
}

export function createOrphanList(send: (ids: string[]) => Promise<unknown>): OrphanList {
  let list: Highlight[] = [];
  let dismissed = new Set<string>();
  let lastReported: string | null = null;
  const visible = () => list.filter((o) => !dismissed.has(o.id));
  return {
    set(next) {
      list = next;
    },
    all: () => [...list],
    visible,
    dismissVisible() {
      dismissed = new Set([...dismissed, ...visible().map((o) => o.id)]);
    },
    report(isStored) {
      const ids = list.filter((o) => isStored(o.id)).map((o) => o.id);
      const key = ids.join('\n');
      if (key === lastReported) return;
      lastReported = key;
      send(ids).catch(() => undefined);
    },
  };
}
