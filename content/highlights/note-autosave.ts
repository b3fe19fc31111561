/**
 * Saves a note once typing pauses, and at once when the card closes, the tab is hidden or the page
 * goes away, so a note typed just before closing the tab is not lost. What happens to a failed
 * write is the caller's: `save` only hands the note on.
 */
import { listenTrusted } from '../ui/listen-trusted';

export interface NoteAutosaveOptions {
  doc: Document;
  /** How long typing must pause before the note is saved. */
  delayMs: number;
  save: (id: string, note: string) => void;
}

export interface NoteAutosave {
  /** The reader typed: the note is saved after the pause, unless typed again. */
  input(id: string, note: string): void;
  /** Saves a waiting note now. */
  flush(id: string): void;
  flushAll(): void;
  /** The note still waiting to be saved, if any (it wins over what an earlier save returned). */
  waiting(id: string): string | undefined;
  /** Saves what waits and stops listening. */
  stop(): void;
}

export function createNoteAutosave(options: NoteAutosaveOptions): NoteAutosave {
  const { doc } = options;
  const win = doc.defaultView!;
  const typing = new Map<string, { timer: number; note: string }>();

  function flush(id: string): void {
    const entry = typing.get(id);
    if (!entry) return;
    win.clearTimeout(entry.timer);
    typing.delete(id);
    options.save(id, entry.note);
  }

  const flushAll = () => {
    for (const id of [...typing.keys()]) flush(id);
  };

  const unlisten = listenTrusted([
    [win, 'pagehide', flushAll],
    [doc, 'visibilitychange', () => {
      if (doc.visibilityState === 'hidden') flushAll();
    }],
  ]);

  return {
    input(id, note) {
      const existing = typing.get(id);
      if (existing) win.clearTimeout(existing.timer);
      typing.set(id, { timer: win.setTimeout(() => flush(id), options.delayMs), note });
    },
    flush,
    flushAll,
    waiting: (id) => typing.get(id)?.note,
    stop() {
      flushAll();
      unlisten();
    },
  };
}
