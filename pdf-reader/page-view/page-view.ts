/**
 * The page view: every page as a box of its printed size holding a text layer (pdf.js's, the
 * text a reader selects, marks and highlights), and a picture of the page drawn only while the
 * page is near the viewport, so a long PDF keeps a few canvases in memory, not all of them.
 */
import { normalizePdfText } from '../../utils/pdf/text-lines';
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PAGE_CLASS = 'pdf-page';
export const TEXT_LAYER_CLASS = 'pdf-text-layer';

export interface PageViewOptions {
  doc: Document;
  pdf: PDFDocumentProxy;
  /** Where the pages go: all text layers together are the "article body" that highlights anchor in. */
  container: HTMLElement;
  scale: number;
  /**
   * Called once the first page is painted; the text layers wait for it, so what it prepares (the
   * matcher) does not hold up the first picture, and each page's marks follow its text layer at once.
   */
  beforeTextLayers: () => Promise<void>;
  /** A page's text layer is in place (pages arrive in order): mark it, joined to the page before. */
  onTextLayer: (page: number, layer: HTMLElement, previous: HTMLElement | null) => void;
  IntersectionObserver: typeof IntersectionObserver;
}

export interface PageView {
  /** The first page's picture is drawn (or could not be). */
  firstPainted: Promise<void>;
  /** Every page's text layer is in place. */
  ready: Promise<void>;
  pageElement(page: number): HTMLElement | null;
  stop(): void;
}

interface PageSlot {
  page: PDFPageProxy;
  box: HTMLElement;
  layer: HTMLElement;
  canvas: HTMLCanvasElement | null;
  task: RenderTask | null;
}

export function startPageView(options: PageViewOptions): PageView {
  const { doc, pdf, container, scale } = options;
  const slots = new Map<Element, PageSlot>();
  let stopped = false;
  const ratio = doc.defaultView?.devicePixelRatio ?? 1;
  // Performance marks time each page (npm run bench reads them; so does the browser's performance panel).
  const timing = (name: string) => doc.defaultView?.performance.mark(name);

  const observer = new options.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const slot = slots.get(entry.target);
        if (!slot) continue;
        if (entry.isIntersecting) paint(slot);
        else release(slot);
      }
    },
    // A screen's height ahead and behind, so scrolling finds the next page drawn.
    { rootMargin: '100% 0px' },
  );

  function paint(slot: PageSlot): void {
    if (slot.canvas || stopped) return;
    const viewport = slot.page.getViewport({ scale });
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    slot.box.prepend(canvas);
    slot.canvas = canvas;
    const task = slot.page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
    slot.task = task;
    task.promise.then(
      () => timing(`pdf-painted-${slot.page.pageNumber}`),
      // Cancelled because the page scrolled away; a broken page keeps its text layer.
      () => undefined,
    );
  }

  function release(slot: PageSlot): void {
    slot.task?.cancel();
    slot.task = null;
    if (slot.canvas) {
      // A zero-sized canvas gives its pixels back at once rather than at the next collection.
      slot.canvas.width = 0;
      slot.canvas.height = 0;
      slot.canvas.remove();
      slot.canvas = null;
    }
  }

  function addPage(page: PDFPageProxy): PageSlot {
    const viewport = page.getViewport({ scale });
    const box = doc.createElement('div');
    box.className = PAGE_CLASS;
    box.setAttribute('data-page-number', String(page.pageNumber));
    box.style.setProperty('--total-scale-factor', String(scale));
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
    const layer = doc.createElement('div');
    layer.className = TEXT_LAYER_CLASS;
    box.append(layer);
    container.append(box);
    const slot: PageSlot = { page, box, layer, canvas: null, task: null };
    slots.set(box, slot);
    observer.observe(box);
    return slot;
  }

  /** The first page's picture comes before anything else the worker or this page has to do. */
  async function showFirst(): Promise<PageSlot> {
    const first = addPage(await pdf.getPage(1));
    paint(first);
    // A page pdf.js cannot draw still gets its text layer below.
    await first.task?.promise.catch(() => undefined);
    return first;
  }

  async function addTextLayers(first: PageSlot): Promise<void> {
    let previous: HTMLElement | null = null;
    for (let n = 1; n <= pdf.numPages && !stopped; n++) {
      const { page, layer } = n === 1 ? first : addPage(await pdf.getPage(n));
      await new TextLayer({ textContentSource: await page.getTextContent(), container: layer, viewport: page.getViewport({ scale }) }).render();
      normalizeLayerText(doc, layer);
      timing(`pdf-text-layer-${n}`);
      options.onTextLayer(n, layer, previous);
      timing(`pdf-marked-${n}`);
      previous = layer;
    }
  }

  const firstShown = showFirst();
  const ready = firstShown.then(async (first) => {
    await options.beforeTextLayers();
    await addTextLayers(first);
  });
  return {
    firstPainted: firstShown.then(() => undefined),
    ready,
    pageElement: (n) => container.querySelector<HTMLElement>(`.${PAGE_CLASS}[data-page-number="${n}"]`),
    stop() {
      stopped = true;
      observer.disconnect();
      for (const slot of slots.values()) release(slot);
    },
  };
}

function normalizeLayerText(doc: Document, layer: HTMLElement): void {
  const walker = doc.createTreeWalker(layer, 0x4);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = normalizePdfText(node.data);
    if (text !== node.data) node.data = text;
  }
}

/** The page a node of the page view lies on. */
export function pageOfNode(node: Node): number | undefined {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const n = Number(el?.closest(`.${PAGE_CLASS}`)?.getAttribute('data-page-number'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
