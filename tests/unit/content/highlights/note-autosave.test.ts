import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNoteAutosave } from '../../../../content/highlights/note-autosave';

// jsdom makes no trusted event; the real-browser notes test closes a tab while a note is typed.
vi.mock('../../../../content/ui/trusted', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../content/ui/trusted')>()),
  trustedOnly: <E extends Event>(listener: (event: E) => void) => listener,
}));

function setup() {
  const saves: [string, string][] = [];
  const notes = createNoteAutosave({ doc: document, delayMs: 400, save: (id, note) => saves.push([id, note]) });
  return { notes, saves };
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('createNoteAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('saves once, the last text, after typing pauses', () => {
    const { notes, saves } = setup();
    notes.input('a', '擔');
    vi.advanceTimersByTime(300);
    notes.input('a', '擔憂');
    vi.advanceTimersByTime(399);
    expect(saves).toEqual([]);
    expect(notes.waiting('a')).toBe('擔憂');
    vi.advanceTimersByTime(1);
    expect(saves).toEqual([['a', '擔憂']]);
    expect(notes.waiting('a')).toBeUndefined();
    notes.stop();
  });

  it('keeps each highlight\'s note apart', () => {
    const { notes, saves } = setup();
    notes.input('a', 'one');
    notes.input('b', 'two');
    vi.advanceTimersByTime(400);
    expect(saves).toEqual([['a', 'one'], ['b', 'two']]);
    notes.stop();
  });

  it('saves at once when flushed (the card closed), and not again after the pause', () => {
    const { notes, saves } = setup();
    notes.input('a', 'note');
    notes.flush('a');
    expect(saves).toEqual([['a', 'note']]);
    vi.advanceTimersByTime(1000);
    notes.flush('a');
    expect(saves).toEqual([['a', 'note']]);
    notes.stop();
  });

  it('saves every waiting note when the page goes away', () => {
    const { notes, saves } = setup();
    notes.input('a', 'one');
    notes.input('b', 'two');
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).toEqual([['a', 'one'], ['b', 'two']]);
    notes.stop();
  });

  it('saves when the tab is hidden, not when it becomes visible', () => {
    const { notes, saves } = setup();
    notes.input('a', 'one');
    setVisibility('visible');
    expect(saves).toEqual([]);
    setVisibility('hidden');
    expect(saves).toEqual([['a', 'one']]);
    notes.stop();
  });

  it('saves what waits when stopped, then listens no more', () => {
    const { notes, saves } = setup();
    notes.input('a', 'one');
    notes.stop();
    expect(saves).toEqual([['a', 'one']]);
    notes.input('a', 'two');
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).toEqual([['a', 'one']]);
  });
});
