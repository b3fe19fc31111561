import { collectEligibleText } from '../marking/eligible-text';
import { isHanAt, isInsideTerm, type TextPoint } from '../dictionary/text-at-point';
import { trustedOnly } from '../ui/trusted';
import { isEditable } from './term-cursor';

/** Alt+Shift+. and Alt+Shift+, (physical keys): the next and previous dictionary word. */
export function wordStep(event: KeyboardEvent): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  if (event.code === 'Period') return 1;
  if (event.code === 'Comma') return -1;
  return 0;
}

export interface WordCursorOptions {
  doc: Document;
  articleRoot: () => Element;
  /** Whether dictionary cards are on (the reader's setting). */
  enabled: () => boolean;
  /** Opens the dictionary card on the word starting at the point and announces it; the word's range, or null when none starts there. */
  openAt: (point: TextPoint) => Promise<Range | null>;
  close: () => void;
}

export interface WordCursor {
  /** Opens the card of the next (1) or previous (-1) dictionary word; its range, or null when there is none. */
  move(step: 1 | -1): Promise<Range | null>;
  destroy(): void;
}

/** Characters tried for one step: past a long run that no dictionary word starts in, the step gives up. */
const MAX_TRIES = 64;

/**
 * The keyboard's way to the words between the marks (the dictionary's, as the term cursor is the
 * glossary's): each step opens the card of the next word outside the marks, outlined as a hover
 * outlines it, starting at the first text in view. A step back returns to the words already passed.
 */
export function createWordCursor(options: WordCursorOptions): WordCursor {
  const { doc } = options;
  let at: Range | null = null;
  const passed: Range[] = [];
  let serial = 0;

  const isLive = (range: Range) => !range.collapsed && range.startContainer.isConnected;
  const texts = () => collectEligibleText(options.articleRoot()).filter((node) => !isInsideTerm(node));

  function firstInView(nodes: Text[]): TextPoint | null {
    const node = nodes.find((n) => (n.parentElement?.getBoundingClientRect().bottom ?? 0) > 0) ?? nodes[0];
    return node ? { node, offset: 0 } : null;
  }

  /** The Han characters from `from` on (or before it, going back), in reading order of the step. */
  function* candidates(nodes: Text[], from: TextPoint, step: 1 | -1): Generator<TextPoint> {
    const start = nodes.indexOf(from.node);
    if (start < 0) return;
    for (let i = start; i >= 0 && i < nodes.length; i += step) {
      const node = nodes[i]!;
      const first = i === start ? (step === 1 ? from.offset : from.offset - 1) : step === 1 ? 0 : node.length - 1;
      for (let offset = first; offset >= 0 && offset < node.length; offset += step) {
        // Never the second half of a surrogate pair.
        const unit = node.data.charCodeAt(offset);
        if (unit >= 0xdc00 && unit <= 0xdfff) continue;
        const point = { node, offset };
        if (isHanAt(point)) yield point;
      }
    }
  }

  async function openFrom(from: TextPoint | null, step: 1 | -1, mine: number): Promise<Range | null> {
    if (!from) return null;
    let tries = 0;
    for (const point of candidates(texts(), from, step)) {
      if (++tries > MAX_TRIES || mine !== serial) return null;
      point.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const range = await options.openAt(point);
      if (mine !== serial) return null;
      if (range) return range;
    }
    return null;
  }

  async function move(step: 1 | -1): Promise<Range | null> {
    if (!options.enabled()) return null;
    const mine = ++serial;
    const current = at && isLive(at) ? at : null;
    if (step === -1) {
      while (passed.length) {
        const back = passed.pop()!;
        if (!isLive(back)) continue;
        const range = await openFrom({ node: back.startContainer as Text, offset: back.startOffset }, 1, mine);
        if (range) return (at = range);
      }
    }
    const from = current
      ? step === 1
        ? { node: current.endContainer as Text, offset: current.endOffset }
        : { node: current.startContainer as Text, offset: current.startOffset }
      : firstInView(texts());
    const range = await openFrom(from, step, mine);
    if (!range) return null;
    if (step === 1 && current) passed.push(current);
    return (at = range);
  }

  function reset(): void {
    serial++;
    at = null;
    passed.length = 0;
  }

  const onKeyDown = trustedOnly((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      reset();
      return;
    }
    const step = wordStep(event);
    if (step === 0 || isEditable(event.target)) return;
    event.preventDefault();
    void move(step);
  });
  doc.addEventListener('keydown', onKeyDown, { capture: true });

  return {
    move,
    destroy() {
      doc.removeEventListener('keydown', onKeyDown, { capture: true });
      reset();
      options.close();
    },
  };
}
