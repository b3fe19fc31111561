/**
 * The text view's text: a PDF's lines reflowed into paragraphs, the running headers, footers and
 * page numbers dropped, and a paragraph that a page break cut in two joined again.
 */
import { joinText, linesOf, type PdfLine, type PdfPageText } from './text-lines';

export interface ReflowedParagraph {
  text: string;
  /** Where each page's part begins in `text`: the first entry is the page the paragraph starts on. */
  pageStarts: { page: number; offset: number }[];
}

/** Lines this close to the top or bottom edge (share of the page's height) may be running heads. */
const MARGIN_ZONE = 0.1;
/** A line repeated (digits aside) on at least this share of the pages is a running head or foot. */
const REPEATED_SHARE = 0.5;
/** A vertical gap this many times the usual line step starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;
/** A line that ends this far short of the page's text width ends its paragraph (with closing punctuation). */
const SHORT_LINE = 0.85;

const CLOSING = /[。！？!?.」』”）)：:；;]$/u;
const PAGE_NUMBER = /^[\s\-–—]*((page|p\.)\s*)?\d{1,4}(\s*(\/|of)\s*\d{1,4})?[\s\-–—]*$|^第\s*\d{1,4}\s*頁(\s*[，,/]?\s*共\s*\d{1,4}\s*頁)?$|^-\s*\d+\s*-$/iu;

export function reflowPages(pages: readonly PdfPageText[]): ReflowedParagraph[] {
  const linesByPage = pages.map(linesOf);
  const running = runningLines(pages, linesByPage);
  const paragraphs: ReflowedParagraph[] = [];
  let open: OpenParagraph | null = null;
  const bodyLines = linesByPage.map((lines) => lines.filter((l) => !running.has(l)));
  // The text block's edges and line step are the document's: a page with one short line has none of its own.
  const all = bodyLines.flat();
  const left = Math.min(...all.map((l) => l.x));
  const width = Math.max(...all.map((l) => l.x + l.width)) - left;
  const step = usualStep(bodyLines);

  for (const [p, page] of pages.entries()) {
    const lines = bodyLines[p]!;
    for (const [i, line] of lines.entries()) {
      const previous = i > 0 ? lines[i - 1]! : null;
      // The first line of a page carries on the last paragraph unless that one visibly ended.
      const continues = open
        ? previous
          ? !startsParagraph(previous, line, step, left, width)
          : !endsParagraph(open.last, left, width) && !indented(line, left)
        : false;
      if (open && continues) {
        const joined = joinText(open.text, line.text);
        if (!previous) open.pageStarts.push({ page: page.page, offset: joined.length - line.text.length });
        Object.assign(open, { text: joined, last: line });
        continue;
      }
      if (open) paragraphs.push({ text: open.text, pageStarts: open.pageStarts });
      open = { text: line.text.trimStart(), pageStarts: [{ page: page.page, offset: 0 }], last: line };
    }
  }
  if (open) paragraphs.push({ text: open.text, pageStarts: open.pageStarts });
  return paragraphs.filter((p) => p.text.trim() !== '');
}

interface OpenParagraph extends ReflowedParagraph {
  last: PdfLine;
}

/** The page a character of a reflowed paragraph was printed on. */
export function pageAt(paragraph: ReflowedParagraph, offset: number): number {
  let page = paragraph.pageStarts[0]?.page ?? 1;
  for (const start of paragraph.pageStarts) if (start.offset <= offset) page = start.page;
  return page;
}

function startsParagraph(previous: PdfLine, line: PdfLine, step: number, left: number, width: number): boolean {
  const gap = line.top - previous.top;
  if (gap < 0 || gap > PARAGRAPH_GAP * step) return true;
  if (Math.abs(line.size - previous.size) > 0.2 * previous.size) return true;
  return endsParagraph(previous, left, width) || indented(line, left);
}

function endsParagraph(line: PdfLine, left: number, width: number): boolean {
  return line.x + line.width < left + SHORT_LINE * width && CLOSING.test(line.text);
}

/** A first-line indent: Chinese prose indents two characters, English a few. */
function indented(line: PdfLine, left: number): boolean {
  return line.x - left > 1.2 * line.size;
}

/** The commonest distance from one line to the next (the median), over every page. */
function usualStep(pages: readonly PdfLine[][]): number {
  const steps = pages
    .flatMap((lines) => lines.slice(1).map((l, i) => l.top - lines[i]!.top))
    .filter((s) => s > 0)
    .sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? (pages.flat()[0]?.size ?? 12) * 1.5;
}

/** Lines in the top or bottom margin that repeat across pages (digits aside), and lone page numbers there. */
function runningLines(pages: readonly PdfPageText[], linesByPage: readonly PdfLine[][]): Set<PdfLine> {
  const inMargin = (line: PdfLine, page: PdfPageText) =>
    line.top < MARGIN_ZONE * page.height || line.top + line.size > (1 - MARGIN_ZONE) * page.height;
  const keyOf = (line: PdfLine) => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const pagesWith = new Map<string, number>();
  linesByPage.forEach((lines, p) => {
    const keys = new Set(lines.filter((l) => inMargin(l, pages[p]!)).map(keyOf));
    for (const key of keys) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(REPEATED_SHARE * pages.length));
  const out = new Set<PdfLine>();
  linesByPage.forEach((lines, p) => {
    for (const line of lines) {
      if (!inMargin(line, pages[p]!)) continue;
      if (PAGE_NUMBER.test(line.text.trim()) || (pagesWith.get(keyOf(line)) ?? 0) >= needed) out.add(line);
    }
  });
  return out;
}
