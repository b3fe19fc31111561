/**
 * The text view: the PDF's text reflowed into paragraphs (utils/pdf/reflow.ts) as a plain article,
 * so the article page's modules (marks, card, 繁/简, glosses, highlights) read it as they read an
 * article. Each paragraph remembers where its pages begin, for a highlight's page.
 */
import { pageAt, type ReflowedParagraph } from '../../utils/pdf/reflow';

export const TEXT_VIEW_CLASS = 'pdf-text-view';
const PAGE_STARTS_ATTR = 'data-page-starts';

export function buildTextView(doc: Document, title: string, paragraphs: readonly ReflowedParagraph[]): HTMLElement {
  const article = doc.createElement('article');
  article.className = TEXT_VIEW_CLASS;
  article.lang = 'zh-Hant';
  const heading = doc.createElement('h1');
  heading.textContent = title;
  article.append(heading);
  for (const paragraph of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = paragraph.text;
    p.setAttribute(PAGE_STARTS_ATTR, paragraph.pageStarts.map((s) => `${s.page}:${s.offset}`).join(' '));
    article.append(p);
  }
  return article;
}

/** The page the text at (node, offset) of the text view was printed on. */
export function pageInTextView(node: Node, offset: number): number | undefined {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const p = el?.closest(`p[${PAGE_STARTS_ATTR}]`);
  if (!p) return undefined;
  const pageStarts = (p.getAttribute(PAGE_STARTS_ATTR) ?? '')
    .split(' ')
    .map((pair) => pair.split(':').map(Number) as [number, number])
    .filter(([page, at]) => Number.isInteger(page) && Number.isInteger(at))
    .map(([page, at]) => ({ page, offset: at }));
  if (!pageStarts.length) return undefined;
  const range = p.ownerDocument.createRange();
  range.setStart(p, 0);
  range.setEnd(node, offset);
  return pageAt({ text: p.textContent ?? '', pageStarts }, range.toString().length);
}
