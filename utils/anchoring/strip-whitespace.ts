/**
 * Text with its whitespace removed, plus the way back to offsets in the original. Reformatting a
 * page (new lines, indentation, spaces between elements) changes only whitespace, so quotes are
 * searched for in this form; removing rather than collapsing it also ignores a line break added
 * between two Han characters, which no space stood for before.
 */

export interface StrippedText {
  readonly text: string;
  /** offsets[i] is the offset in the original text of text[i]. Ascending. */
  readonly offsets: Uint32Array;
}

/** The characters JavaScript's `\s` matches, tested by code unit to keep long texts fast. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function stripWhitespace(source: string): StrippedText {
  const offsets = new Uint32Array(source.length);
  const parts: string[] = [];
  let kept = 0;
  let runStart = 0;
  for (let i = 0; i < source.length; i++) {
    if (isWhitespace(source.charCodeAt(i))) {
      if (runStart < i) parts.push(source.slice(runStart, i));
      runStart = i + 1;
    } else {
      offsets[kept++] = i;
    }
  }
  if (runStart < source.length) parts.push(source.slice(runStart));
  return { text: parts.join(''), offsets: offsets.subarray(0, kept) };
}

/** The offset in the stripped text of the first kept character at or after `sourceOffset`. */
export function strippedOffset(stripped: StrippedText, sourceOffset: number): number {
  const { offsets } = stripped;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original span covered by stripped[start, end), from its first to its last kept character. */
export function sourceSpan(stripped: StrippedText, start: number, end: number): { start: number; end: number } {
  return { start: stripped.offsets[start]!, end: stripped.offsets[end - 1]! + 1 };
}

/** How many whitespace units a string starts and ends with. */
export function edgeWhitespace(text: string): { leading: number; trailing: number } {
  let leading = 0;
  while (leading < text.length && isWhitespace(text.charCodeAt(leading))) leading++;
  let trailing = 0;
  while (trailing < text.length - leading && isWhitespace(text.charCodeAt(text.length - 1 - trailing))) trailing++;
  return { leading, trailing };
}

/**
 * Widens text[start, end) over up to `before` whitespace units before it and `after` after it:
 * a span found without whitespace gets back the whitespace its quote began or ended with.
 */
export function widenOverWhitespace(
  text: string,
  start: number,
  end: number,
  before: number,
  after: number,
): { start: number; end: number } {
  const floor = start - before;
  while (start > 0 && start > floor && isWhitespace(text.charCodeAt(start - 1))) start--;
  const ceiling = end + after;
  while (end < text.length && end < ceiling && isWhitespace(text.charCodeAt(end))) end++;
  return { start, end };
}
