/**
 * A PDF page's text as lines, from the runs pdf.js gives (`getTextContent`): the shape both the
 * page view's joined marking and the text view's reflow work on. Coordinates are in PDF units
 * with y measured down from the top of the page.
 */

/** One run of text as pdf.js reports it: `transform[4..5]` is its origin (PDF space, y up). */
export interface PdfTextRun {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PdfPageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: readonly PdfTextRun[];
}

export interface PdfLine {
  page: number;
  text: string;
  /** Left edge and top, y down from the page's top edge. */
  x: number;
  top: number;
  width: number;
  /** The tallest run's height: the line's font size, near enough. */
  size: number;
}

/** Runs whose baselines differ by less than this share of their height sit on one line. */
const SAME_LINE = 0.5;

export function linesOf(page: PdfPageText): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: (PdfLine & { baseline: number; right: number }) | null = null;
  let breakAfter = false;
  for (const { str: raw, ...run } of page.runs) {
    const str = normalizePdfText(raw);
    const x = run.transform[4] ?? 0;
    const baseline = page.height - (run.transform[5] ?? 0);
    const size = Math.abs(run.height) || Math.abs(run.transform[3] ?? 0);
    if (str === '') {
      breakAfter ||= run.hasEOL;
      continue;
    }
    const sameLine =
      current && !breakAfter && Math.abs(baseline - current.baseline) < SAME_LINE * Math.max(size, current.size, 1);
    if (current && sameLine) {
      // Runs on one line that pdf.js did not space are joined as they are; a visible gap is a space.
      const gap = x - current.right;
      current.text += gap > 0.25 * size && !/\s$/.test(current.text) && !/^\s/.test(str) ? ` ${str}` : str;
      current.right = Math.max(current.right, x + run.width);
      current.width = current.right - current.x;
      current.size = Math.max(current.size, size);
    } else {
      if (current) lines.push(finish(current));
      current = { page: page.page, text: str, x, top: baseline - size, width: run.width, size, baseline, right: x + run.width };
    }
    breakAfter = run.hasEOL;
  }
  if (current) lines.push(finish(current));
  return lines.filter((l) => l.text.trim() !== '');
}

function finish(line: PdfLine & { baseline: number; right: number }): PdfLine {
  return { page: line.page, text: line.text.replace(/\s+$/, ''), x: line.x, top: line.top, width: line.width, size: line.size };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * What goes between two pieces of one text broken at a line or page end: nothing between Chinese
 * characters or full-width punctuation, nothing after a hyphen that broke a Latin word, otherwise a space.
 */
export function joinerBetween(before: string, after: string): { dropLast: boolean; joiner: string } {
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  if (last === '' || first === '' || /\s/.test(last) || /\s/.test(first)) return { dropLast: false, joiner: '' };
  if (CJK.test(last) || CJK.test(first)) return { dropLast: false, joiner: '' };
  if (last === '-' && /\p{Ll}/u.test(first) && /\p{L}/u.test(before.at(-2) ?? '')) return { dropLast: true, joiner: '' };
  return { dropLast: false, joiner: ' ' };
}

/** Appends `after` to `before` as one text (see joinerBetween). */
export function joinText(before: string, after: string): string {
  const { dropLast, joiner } = joinerBetween(before, after);
  return (dropLast ? before.slice(0, -1) : before) + joiner + after;
}

/**
 * PDFs made with CJK fonts often map a character to its look-alike Kangxi radical or compatibility
 * ideograph (⾯ U+2FAF for 面): the page shows the same, but no term or search matches it. Each is
 * replaced by the ideograph it stands for, one UTF-16 unit for one, so offsets do not move.
 */
export function normalizePdfText(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => {
    const unified = c.normalize('NFKC');
    return unified.length === 1 ? unified : c;
  });
}
