/**
 * Highlights on an article page: draws the stored ones (anchored all together, then drawn), lists
 * those that no longer attach, turns a selection into a new highlight, and gives each one a card
 * for its note, colour and tags. The database is reached only through `send` (the background);
 * every tab redraws when the background announces a change to this article.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { Fragment, h, render } from 'preact';
import { HighlightCard, type SaveStatus } from '../components/content/HighlightCard';
import { HighlightNotices, type Toast } from '../components/content/HighlightNotices';
import { SelectionToolbar } from '../components/content/SelectionToolbar';
import { anchorAll } from '../utils/anchoring/anchor';
import { describeRange } from '../utils/anchoring/describe';
import type { Normalize } from '../utils/anchoring/match-quote';
import { buildTextIndex } from '../utils/anchoring/text-offsets';
import { createShadowHost, type ShadowHost } from './ui/shadow-host';
import { trustedOnly } from './ui/trusted';
import { passageUrl } from '../utils/export/text-fragment';
import { drawHighlights, highlightAt, highlightElements, undrawAll, undrawHighlight } from './highlights/draw';
import { checkRange, checkSelection, focusInField } from './highlights/selection';
import type { Highlight, HighlightColor } from '../utils/highlights/types';
import { t, type UiLocale } from '../utils/i18n/strings';
import type { Request, ResponseMap } from '../utils/messaging/protocol';
import type { ArticlePage } from './detection/detect-article';

export const HIGHLIGHT_HOST_TAG = 'prospect-reader-highlights';
const CARD_ID = 'prospect-reader-highlight-card';

export type Send = <T extends Request>(request: T) => Promise<ResponseMap[T['type']]>;

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

interface Pending {
  highlight: Highlight;
  error?: string;
}

interface CardState {
  id: string;
  status: SaveStatus;
  error?: string;
  notice?: string;
  /** The element the card was opened from; focus returns there. */
  anchor: HTMLElement;
}

export function startHighlightSession(options: HighlightSessionOptions): HighlightSession {
  const { doc, locale, send } = options;
  const win = doc.defaultView!;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const noteDelay = options.noteDelayMs ?? 400;
  const undoMs = options.undoMs ?? 8000;
  const selectionDelay = options.selectionDelayMs ?? 150;

  const saved = new Map<string, Highlight>();
  const pending = new Map<string, Pending>();
  let orphanList: Highlight[] = [];
  let dismissedOrphans = new Set<string>();
  /** id → colour of what is drawn now, to tell whether a refetch needs a redraw. */
  let drawnSignature = '';
  let lastReportedOrphans: string | null = null;

  let shadow: ShadowHost | null = null;
  let toolbar: { range: Range } | null = null;
  let toolbarColor: HighlightColor = 'yellow';
  let card: CardState | null = null;
  let toast: Toast | null = null;
  let toastTimer = 0;
  let selectionTimer = 0;
  let pointerDown = false;
  let stopPositioning: (() => void) | null = null;
  const noteTimers = new Map<string, { timer: number; note: string }>();
  let stopped = false;

  const body = () => options.article().body;
  const all = (): Highlight[] => [...saved.values(), ...[...pending.values()].map((p) => p.highlight)];
  const find = (id: string): Highlight | undefined => pending.get(id)?.highlight ?? saved.get(id);
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));


  function redraw(): void {
    const root = body();
    const list = all().sort((a, b) => a.position.start - b.position.start);
    options.quietly(() => {
      undrawAll(root);
      const index = buildTextIndex(root);
      const anchors = anchorAll(root, list, { index, normalize: options.normalize });
      const requests = [];
      const orphans: Highlight[] = [];
      for (let i = 0; i < list.length; i++) {
        const anchor = anchors[i];
        const highlight = list[i]!;
        if (anchor) {
          requests.push({ id: highlight.id, color: highlight.color, start: anchor.start, end: anchor.end, unsaved: pending.has(highlight.id) });
        } else {
          orphans.push(highlight);
        }
      }
      drawHighlights(index, requests);
      orphanList = orphans;
    });
    drawnSignature = signature(all());
    if (card && highlightElements(root, card.id).length === 0) closeCard(false);
    reportOrphans();
    paint();
  }

  function reportOrphans(): void {
    const ids = orphanList.filter((o) => saved.has(o.id)).map((o) => o.id);
    const key = ids.join('\n');
    if (key === lastReportedOrphans) return;
    lastReportedOrphans = key;
    // Lets the notes page list them; drawing does not depend on it.
    send({ type: 'highlights/orphans', articleUrl: options.article().canonicalUrl, ids }).catch(() => undefined);
  }

  function elementsOf(id: string): HTMLElement[] {
    return highlightElements(body(), id);
  }

  function markUnsaved(id: string, unsaved: boolean): void {
    for (const el of elementsOf(id)) el.toggleAttribute('data-unsaved', unsaved);
  }

  async function refresh(): Promise<void> {
    const list = await send({ type: 'highlights/list', articleUrl: options.article().canonicalUrl });
    if (stopped) return;
    saved.clear();
    for (const highlight of list) {
      saved.set(highlight.id, highlight);
      pending.delete(highlight.id);
    }
    if (signature(all()) !== drawnSignature) redraw();
    else paint();
  }


  async function createFromRange(range: Range, color: HighlightColor): Promise<Highlight | null> {
    const root = body();
    if (!checkRange(range, root).ok) return null;
    const index = buildTextIndex(root);
    const selectors = describeRange(root, range, index);
    if (!selectors) return null;
    const article = options.article();
    const time = now().toISOString();
    const highlight: Highlight = {
      id: newId(),
      articleUrl: article.canonicalUrl,
      articleTitle: article.title,
      ...(article.author ? { articleAuthor: article.author } : {}),
      ...(article.date ? { articleDate: article.date } : {}),
      lang: article.lang,
      quote: selectors.quote,
      position: selectors.position,
      color,
      note: '',
      tags: [],
      created: time,
      modified: time,
    };
    pending.set(highlight.id, { highlight });
    // Drawn at once, marked unsaved until the background confirms the write.
    options.quietly(() =>
      drawHighlights(index, [
        { id: highlight.id, color, start: selectors.position.start, end: selectors.position.end, unsaved: true },
      ]),
    );
    drawnSignature = signature(all());
    doc.getSelection()?.removeAllRanges();
    toolbar = null;
    paint();
    await store(highlight.id);
    return highlight;
  }

  /** Saves a highlight not yet stored; on failure it stays drawn, marked unsaved, with a retry. */
  async function store(id: string): Promise<void> {
    const entry = pending.get(id);
    if (!entry) return;
    try {
      const stored = await send({ type: 'highlights/add', highlight: entry.highlight });
      pending.delete(id);
      saved.set(id, stored);
      markUnsaved(id, false);
      if (card?.id === id) card = { ...card, status: 'saved', error: undefined };
      if (toast?.action?.label === t(locale, 'highlight.retry')) toast = null;
      paint();
      options.onStored?.(stored);
    } catch (error) {
      if (!pending.has(id)) return;
      pending.set(id, { ...entry, error: errorText(error) });
      markUnsaved(id, true);
      if (card?.id === id) card = { ...card, status: 'unsaved', error: errorText(error) };
      showToast({
        message: `${t(locale, 'highlight.saveFailed')}: ${errorText(error)}`,
        action: { label: t(locale, 'highlight.retry'), run: () => void store(id) },
      }, 0);
    }
  }

  async function highlightSelection(color: HighlightColor = toolbarColor): Promise<Highlight | null> {
    if (focusInField(doc)) return null;
    const check = checkSelection(doc.getSelection(), body());
    if (!check.ok) return null;
    return createFromRange(check.range.cloneRange(), color);
  }


  function edit(id: string, changes: Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>): void {
    const entry = pending.get(id);
    if (entry) {
      // Not stored yet: the edit travels with the next attempt to store it.
      pending.set(id, { ...entry, highlight: { ...entry.highlight, ...changes } });
      paint();
      return;
    }
    const current = saved.get(id);
    if (!current) return;
    saved.set(id, { ...current, ...changes });
    if (card?.id === id) card = { ...card, status: 'saving', error: undefined, notice: undefined };
    paint();
    send({ type: 'highlights/update', id, changes })
      .then((updated) => {
        if (saved.has(id)) saved.set(id, { ...updated, ...pendingNote(id) });
        if (card?.id === id && !noteTimers.has(id)) card = { ...card, status: 'saved' };
        paint();
      })
      .catch((error: unknown) => {
        if (card?.id === id) card = { ...card, status: 'unsaved', error: errorText(error) };
        paint();
      });
  }

  // A note still being typed wins over what an earlier save returned.
  function pendingNote(id: string): Partial<Highlight> {
    const typing = noteTimers.get(id);
    return typing ? { note: typing.note } : {};
  }

  function noteInput(id: string, note: string): void {
    const existing = noteTimers.get(id);
    if (existing) win.clearTimeout(existing.timer);
    if (card?.id === id) card = { ...card, status: 'saving', error: undefined, notice: undefined };
    const timer = win.setTimeout(() => flushNote(id), noteDelay);
    noteTimers.set(id, { timer, note });
    paint();
  }

  function flushNote(id: string): void {
    const typing = noteTimers.get(id);
    if (!typing) return;
    win.clearTimeout(typing.timer);
    noteTimers.delete(id);
    edit(id, { note: typing.note });
  }

  function setColor(id: string, color: HighlightColor): void {
    for (const el of elementsOf(id)) el.setAttribute('data-color', color);
    toolbarColor = color;
    edit(id, { color });
    drawnSignature = signature(all());
  }

  async function copy(id: string): Promise<void> {
    const highlight = find(id);
    if (!highlight) return;
    let notice: string;
    try {
      await options.writeClipboard(copyText(highlight));
      notice = t(locale, 'highlight.copied');
    } catch {
      notice = t(locale, 'highlight.copyFailed');
    }
    if (card?.id === id) card = { ...card, notice };
    paint();
  }

  async function remove(id: string): Promise<void> {
    flushNote(id);
    closeCard(true);
    if (pending.delete(id)) {
      options.quietly(() => undrawHighlight(body(), id));
      drawnSignature = signature(all());
      paint();
      return;
    }
    try {
      const removed = await send({ type: 'highlights/remove', id });
      saved.delete(id);
      options.quietly(() => undrawHighlight(body(), id));
      drawnSignature = signature(all());
      if (removed) {
        showToast({ message: t(locale, 'highlight.deleted'), action: { label: t(locale, 'highlight.undo'), run: () => void undo(removed) } }, undoMs);
      } else {
        paint();
      }
    } catch (error) {
      showToast({ message: errorText(error) }, undoMs);
    }
  }

  async function undo(highlight: Highlight): Promise<void> {
    hideToast();
    try {
      const restored = await send({ type: 'highlights/restore', highlight });
      saved.set(restored.id, restored);
      redraw();
    } catch (error) {
      showToast({ message: errorText(error) }, undoMs);
    }
  }


  function openCard(id: string, anchor: HTMLElement): void {
    if (!find(id)) return;
    if (card && card.id !== id) flushNote(card.id);
    const entry = pending.get(id);
    card = { id, anchor, status: entry ? 'unsaved' : 'saved', error: entry?.error };
    toolbar = null;
    paint();
  }

  function closeCard(returnFocus: boolean): void {
    if (!card) return;
    const { id, anchor } = card;
    flushNote(id);
    card = null;
    paint();
    if (returnFocus && anchor.isConnected) {
      // A highlight is not in the tab order; it takes focus only to hand it back to the page.
      if (!anchor.hasAttribute('tabindex')) anchor.tabIndex = -1;
      anchor.focus({ preventScroll: true });
    }
  }


  function showToast(next: Toast, ms: number): void {
    win.clearTimeout(toastTimer);
    toast = next;
    if (ms > 0) toastTimer = win.setTimeout(hideToast, ms);
    paint();
  }

  function hideToast(): void {
    win.clearTimeout(toastTimer);
    toast = null;
    paint();
  }


  function ensureHost(): ShadowHost {
    if (!shadow || !shadow.host.isConnected) shadow = createShadowHost(doc, HIGHLIGHT_HOST_TAG, options.uiCss);
    return shadow;
  }

  function paint(): void {
    if (stopped) return;
    const visibleOrphans = orphanList.filter((o) => !dismissedOrphans.has(o.id));
    const open = card && find(card.id);
    if (!toolbar && !open && !toast && visibleOrphans.length === 0) {
      if (shadow) render(null, shadow.mount);
      stopPositioning?.();
      stopPositioning = null;
      return;
    }
    const { mount } = ensureHost();
    const current = card;
    render(
      h(Fragment, null, [
        toolbar &&
          h(SelectionToolbar, {
            key: 'toolbar',
            locale,
            color: toolbarColor,
            onHighlight: (color: HighlightColor) => {
              const range = toolbar?.range;
              toolbarColor = color;
              if (range) void createFromRange(range, color);
            },
          }),
        open &&
          current &&
          h(HighlightCard, {
            key: `card-${current.id}`,
            id: CARD_ID,
            highlight: open,
            locale,
            status: current.status,
            error: current.error,
            notice: current.notice,
            onNoteInput: (note: string) => noteInput(current.id, note),
            onColor: (color: HighlightColor) => setColor(current.id, color),
            onTags: (tags: string[]) => edit(current.id, { tags }),
            onCopy: () => void copy(current.id),
            onDelete: () => void remove(current.id),
            onOpenNotes: () =>
              void send({ type: 'notes/open', articleUrl: options.article().canonicalUrl, highlightId: current.id }).catch(
                (error: unknown) => {
                  showToast({ message: errorText(error) }, 6000);
                  paint();
                },
              ),
            onRetry: () => void (pending.has(current.id) ? store(current.id) : flushOrResave(current.id)),
            onClose: () => closeCard(true),
          }),
        h(HighlightNotices, {
          key: 'notices',
          locale,
          toast,
          orphans: visibleOrphans.map((o) => o.quote.exact),
          onDismissOrphans: () => {
            dismissedOrphans = new Set([...dismissedOrphans, ...visibleOrphans.map((o) => o.id)]);
            paint();
          },
        }),
      ]),
      mount,
    );
    position();
  }

  function flushOrResave(id: string): void {
    const highlight = saved.get(id);
    if (highlight) edit(id, { note: highlight.note, tags: highlight.tags, color: highlight.color });
  }

  function position(): void {
    stopPositioning?.();
    stopPositioning = null;
    const root = shadow?.mount;
    if (!root) return;
    const floating = (root.querySelector('.card') ?? root.querySelector('.toolbar')) as HTMLElement | null;
    if (!floating) return;
    const reference: Element | VirtualElement | null = root.querySelector('.card')
      ? (card?.anchor ?? null)
      : toolbar
        ? rangeReference(toolbar.range)
        : null;
    if (!reference) return;
    stopPositioning = autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: root.querySelector('.card') ? 'bottom-start' : 'top',
        middleware: [inline(), offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    });
  }


  const inOwnUi = (target: EventTarget | null) => !!shadow && target instanceof win.Node && shadow.host.contains(target);

  function selectionSettled(): void {
    win.clearTimeout(selectionTimer);
    if (pointerDown || inOwnUi(doc.activeElement)) return;
    const check = focusInField(doc) ? null : checkSelection(doc.getSelection(), body());
    const next = check?.ok ? { range: check.range.cloneRange() } : null;
    if (!next && !toolbar) return;
    toolbar = next;
    if (next && card) closeCard(false);
    paint();
  }

  const scheduleSelection = () => {
    win.clearTimeout(selectionTimer);
    selectionTimer = win.setTimeout(selectionSettled, selectionDelay);
  };

  const onPointerDown = (event: PointerEvent) => {
    if (inOwnUi(event.target)) return;
    pointerDown = true;
    if (card && !highlightAt(event.target as Node)) closeCard(false);
  };
  const onPointerUp = (event: PointerEvent) => {
    pointerDown = false;
    if (!inOwnUi(event.target)) scheduleSelection();
  };
  const onClick = (event: MouseEvent) => {
    if (inOwnUi(event.target)) return;
    const el = highlightAt(event.target as Node);
    if (!el || !body().contains(el)) return;
    // A click that ended a drag selects text; it does not open the card.
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    openCard(el.getAttribute('data-highlight-id') ?? '', el);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (card) closeCard(true);
    else if (toolbar) {
      toolbar = null;
      paint();
    }
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!inOwnUi(event.target)) scheduleSelection();
  };
  const onSelectionChange = () => {
    if (!pointerDown) scheduleSelection();
  };

  // A note being typed is saved when the tab closes or goes to the background, not only after the pause.
  const flushAllNotes = () => {
    for (const id of [...noteTimers.keys()]) flushNote(id);
  };
  const onVisibilityChange = () => {
    if (doc.visibilityState === 'hidden') flushAllNotes();
  };

  const listeners: [EventTarget, string, EventListener][] = [
    [win, 'pagehide', flushAllNotes],
    [doc, 'visibilitychange', onVisibilityChange],
    [doc, 'pointerdown', onPointerDown as EventListener],
    [doc, 'pointerup', onPointerUp as EventListener],
    [doc, 'click', onClick as EventListener],
    [doc, 'keydown', onKeyDown as EventListener],
    [doc, 'keyup', onKeyUp as EventListener],
    [doc, 'selectionchange', onSelectionChange],
  ];
  // A page script's synthetic presses, clicks and keys open, close and create nothing.
  const trusted = listeners.map(([target, type, fn]) => [target, type, trustedOnly(fn)] as const);
  for (const [target, type, fn] of trusted) target.addEventListener(type, fn, { capture: true, passive: true });

  const ready = refresh().catch((error: unknown) => {
    showToast({ message: errorText(error) }, undoMs);
  });

  return {
    ready,
    highlightSelection,
    refresh,
    orphans: () => [...orphanList],
    stop() {
      flushAllNotes();
      stopped = true;
      for (const [target, type, fn] of trusted) target.removeEventListener(type, fn, { capture: true });
      win.clearTimeout(selectionTimer);
      win.clearTimeout(toastTimer);
      stopPositioning?.();
      shadow?.remove();
      shadow = null;
    },
  };
}

/** The clipboard text for Copy: the quote, the article's title and a link to the passage. */
export function copyText(highlight: Highlight): string {
  const quote = highlight.quote.exact.trim();
  const quoted = highlight.lang === 'zh' ? `「${quote}」` : `“${quote}”`;
  const link = passageUrl(highlight.articleUrl, highlight.quote) ?? highlight.articleUrl;
  return [quoted, `— ${highlight.articleTitle}`, link].join('\n');
}

function signature(list: Highlight[]): string {
  return list
    .map((h) => `${h.id}:${h.color}`)
    .sort()
    .join('|');
}

function rangeReference(range: Range): VirtualElement {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
  };
}
