/**
 * Highlights on an article page: draws the stored ones (anchored all together, then drawn), lists
 * those that no longer attach, turns a selection into a new highlight, and gives each one a card
 * for its note, colour and tags. This module holds the flow between the parts in `highlights/`
 * (records, selection watcher, note autosave, toasts, orphans, UI). The database is reached only
 * through `send` (the background); every tab redraws when the background announces a change.
 * A little over 300 lines: what is left is the flow itself, which reads best in one place.
 */
import { anchorAllYielding } from '../utils/anchoring/anchor';
import { describeRange } from '../utils/anchoring/describe';
import type { Normalize } from '../utils/anchoring/match-quote';
import { buildTextIndex } from '../utils/anchoring/text-offsets';
import { ATTR } from '../utils/dom-names';
import type { Highlight, HighlightColor } from '../utils/highlights/types';
import type { UiLocale } from '../utils/i18n/strings';
import type { ArticlePage } from './detection/detect-article';
import { createCardState } from './highlights/card-state';
import { copyHighlight } from './highlights/copy-text';
import { drawHighlights, highlightAt, highlightElements, undrawHighlight } from './highlights/draw';
import { HighlightRecords } from './highlights/highlight-records';
import { createHighlightUi } from './highlights/highlight-ui';
import { createHighlightWrites, errorText, type Send } from './highlights/highlight-writes';
import { newHighlight } from './highlights/new-highlight';
import { createNoteAutosave } from './highlights/note-autosave';
import { createOrphanList } from './highlights/orphan-list';
import { redrawAll } from './highlights/redraw-all';
import { checkRange, checkSelection, focusInField } from './highlights/selection';
import { watchSelection } from './highlights/selection-watcher';
import { createToasts } from './highlights/toasts';
import { listenTrusted } from './ui/listen-trusted';

export type { Send };

export interface HighlightSessionOptions {
  doc: Document;
  article: () => ArticlePage;
  locale: UiLocale;
  /** Styles of the toolbar, card and notices (inside their shadow root). */
  uiCss: string;
  /** Folds text before anchoring (Traditional and Simplified alike); must keep lengths. */
  normalize?: Normalize;
  /** Runs a synchronous change of the article that the term marker must not take for page content. */
  quietly: <T>(fn: () => T) => T;
  send: Send;
  writeClipboard: (text: string) => Promise<void>;
  newId?: () => string;
  now?: () => Date;
  /** How long typing must pause before a note is saved. */
  noteDelayMs?: number;
  /** How long Undo is offered after a delete. */
  undoMs?: number;
  /** How long the selection must rest before the toolbar shows. */
  selectionDelayMs?: number;
  /** What a new highlight records of where its text came from beyond the article (a PDF's page). */
  describeSource?: (range: Range) => Pick<Highlight, 'pdfPage' | 'attachedToArticle'>;
  /** Called after a new highlight has been drawn and stored (the benchmark times this). */
  onStored?: (highlight: Highlight) => void;
}

export interface HighlightSession {
  /** Resolves once the stored highlights have been anchored and drawn. */
  ready: Promise<void>;
  /** Highlights the current selection (the shortcut and the context menu); null when it was refused. */
  highlightSelection(color?: HighlightColor): Promise<Highlight | null>;
  /** Refetches this article's highlights and redraws if anything changed (another tab edited them). */
  refresh(): Promise<void>;
  /** The highlights that did not attach on the last drawing. */
  orphans(): Highlight[];
  stop(): void;
}

export function startHighlightSession(options: HighlightSessionOptions): HighlightSession {
  const { doc, locale, send } = options;
  const win = doc.defaultView!;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const undoMs = options.undoMs ?? 8000;

  const body = () => options.article().body;
  const elementsOf = (id: string) => highlightElements(body(), id);
  const records = new HighlightRecords();
  const { saved, pending } = records;
  const orphans = createOrphanList((ids) => send({ type: 'highlights/orphans', articleUrl: options.article().canonicalUrl, ids }));
  const ui = createHighlightUi(doc, options.uiCss, locale);
  const toasts = createToasts(win, () => paint());
  const notes = createNoteAutosave({ doc, delayMs: options.noteDelayMs ?? 400, save: (id, note) => writes.edit(id, { note }) });
  const card = createCardState();
  const writes = createHighlightWrites({
    send,
    locale,
    records,
    card,
    toasts,
    undoMs,
    typingNote: notes.waiting,
    markUnsaved: (id, unsaved) => {
      for (const el of elementsOf(id)) el.toggleAttribute(ATTR.unsaved, unsaved);
    },
    undraw: (id) => {
      options.quietly(() => undrawHighlight(body(), id));
      records.markDrawn();
    },
    redraw,
    paint,
    ...(options.onStored ? { onStored: options.onStored } : {}),
  });
  let toolbar: { range: Range } | null = null;
  let toolbarColor: HighlightColor = 'yellow';
  let stopped = false;

  let redrawGeneration = 0;
  async function redraw(): Promise<void> {
    const generation = ++redrawGeneration;
    const root = body();
    const anchored = records.inOrder();
    // Matched in slices so the tab stays responsive; drawn marks hold the same text, so they may stay meanwhile.
    const found = await anchorAllYielding(root, anchored, { normalize: options.normalize });
    if (stopped || generation !== redrawGeneration) return;
    const lost = options.quietly(() => redrawAll(root, { list: anchored, ...found }, records.inOrder(), (id) => pending.has(id), options.normalize));
    orphans.set(lost);
    records.markDrawn();
    const open = card.get();
    if (open && elementsOf(open.id).length === 0) closeCard(false);
    orphans.report((id) => saved.has(id));
    paint();
  }

  async function refresh(): Promise<void> {
    const list = await send({ type: 'highlights/list', articleUrl: options.article().canonicalUrl });
    if (stopped) return;
    records.replaceSaved(list);
    if (!records.drawnIsCurrent()) await redraw();
    else paint();
  }

  async function createFromRange(range: Range, color: HighlightColor): Promise<Highlight | null> {
    const root = body();
    if (!checkRange(range, root).ok) return null;
    const index = buildTextIndex(root);
    const selectors = describeRange(root, range, index);
    if (!selectors) return null;
    const source = options.describeSource?.(range);
    const highlight = newHighlight({ id: newId(), article: options.article(), selectors, color, time: now(), ...(source ? { source } : {}) });
    pending.set(highlight.id, { highlight });
    // Drawn at once, marked unsaved until the background confirms the write.
    const { start, end } = selectors.position;
    options.quietly(() => drawHighlights(index, [{ id: highlight.id, color, start, end, unsaved: true }]));
    records.markDrawn();
    doc.getSelection()?.removeAllRanges();
    toolbar = null;
    paint();
    await writes.store(highlight.id);
    return highlight;
  }

  async function highlightSelection(color: HighlightColor = toolbarColor): Promise<Highlight | null> {
    if (focusInField(doc)) return null;
    const check = checkSelection(doc.getSelection(), body());
    if (!check.ok) return null;
    return createFromRange(check.range.cloneRange(), color);
  }

  function setColor(id: string, color: HighlightColor): void {
    for (const el of elementsOf(id)) el.setAttribute(ATTR.color, color);
    toolbarColor = color;
    writes.edit(id, { color });
    records.markDrawn();
  }

  async function copy(id: string): Promise<void> {
    const highlight = records.find(id);
    if (!highlight) return;
    card.patch(id, { notice: await copyHighlight(highlight, options.writeClipboard, locale) });
    paint();
  }

  async function remove(id: string): Promise<void> {
    notes.flush(id);
    closeCard(true);
    await writes.remove(id);
  }

  function openCard(id: string, anchor: HTMLElement): void {
    if (!records.find(id)) return;
    const previous = card.get();
    if (previous && previous.id !== id) notes.flush(previous.id);
    const entry = pending.get(id);
    card.open({ id, anchor, status: entry ? 'unsaved' : 'saved', error: entry?.error });
    toolbar = null;
    paint();
  }

  function closeCard(returnFocus: boolean): void {
    const open = card.get();
    if (!open) return;
    notes.flush(open.id);
    card.close();
    paint();
    const { anchor } = open;
    if (returnFocus && anchor.isConnected) {
      // A highlight is not in the tab order; it takes focus only to hand it back to the page.
      if (!anchor.hasAttribute('tabindex')) anchor.tabIndex = -1;
      anchor.focus({ preventScroll: true });
    }
  }

  function openNotes(id: string): void {
    send({ type: 'notes/open', articleUrl: options.article().canonicalUrl, highlightId: id }).catch((error: unknown) =>
      toasts.show({ message: errorText(error) }, 6000),
    );
  }

  function paint(): void {
    if (stopped) return;
    const open = card.get();
    const highlight = open && records.find(open.id);
    const range = toolbar?.range;
    ui.paint({
      toolbar: range
        ? {
            range,
            color: toolbarColor,
            onHighlight: (color) => {
              toolbarColor = color;
              void createFromRange(range, color);
            },
          }
        : null,
      card:
        open && highlight
          ? {
              anchor: open.anchor,
              props: {
                highlight,
                status: open.status,
                error: open.error,
                notice: open.notice,
                onNoteInput: (note) => {
                  card.patch(open.id, { status: 'saving', error: undefined, notice: undefined });
                  notes.input(open.id, note);
                  paint();
                },
                onColor: (color) => setColor(open.id, color),
                onTags: (tags) => writes.edit(open.id, { tags }),
                onCopy: () => void copy(open.id),
                onDelete: () => void remove(open.id),
                onOpenNotes: () => openNotes(open.id),
                onRetry: () => writes.retry(open.id),
                onClose: () => closeCard(true),
              },
            }
          : null,
      toast: toasts.current(),
      orphans: orphans.visible().map((o) => o.quote.exact),
      onDismissOrphans: () => {
        orphans.dismissVisible();
        paint();
      },
    });
  }

  const selection = watchSelection({
    doc,
    body,
    delayMs: options.selectionDelayMs ?? 150,
    inOwnUi: ui.contains,
    onSettled: (range) => {
      if (!range && !toolbar) return;
      toolbar = range ? { range } : null;
      if (range && card.get()) closeCard(false);
      paint();
    },
    onPagePointerDown: (event) => {
      if (card.get() && !highlightAt(event.target as Node)) closeCard(false);
    },
  });

  const onClick = (event: MouseEvent) => {
    if (ui.contains(event.target)) return;
    const el = highlightAt(event.target as Node);
    if (!el || !body().contains(el)) return;
    // A click that ended a drag selects text; it does not open the card.
    const current = doc.getSelection();
    if (current && !current.isCollapsed) return;
    openCard(el.getAttribute(ATTR.highlightId) ?? '', el);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (card.get()) closeCard(true);
    else if (toolbar) {
      toolbar = null;
      paint();
    }
  };
  // A page script's synthetic clicks and keys open, close and create nothing.
  const unlisten = listenTrusted([
    [doc, 'click', onClick as EventListener],
    [doc, 'keydown', onKeyDown as EventListener],
  ]);

  const ready = refresh().catch((error: unknown) => toasts.show({ message: errorText(error) }, undoMs));

  return {
    ready,
    highlightSelection,
    refresh,
    orphans: orphans.all,
    stop() {
      notes.stop();
      stopped = true;
      selection.stop();
      unlisten();
      toasts.stop();
      ui.destroy();
    },
  };
}
