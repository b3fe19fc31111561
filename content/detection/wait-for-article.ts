export interface WaitForArticleOptions<T> {
  doc: Document;
  /** Looks for the article now; null while it is not there. */
  detect: () => T | null;
  /** Quiet time after the page's last change before looking again. */
  quietMs?: number;
  /** While the page never stops changing, look at least this often. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

/**
 * Resolves with the article once it is there: at once, or when a page whose article body arrives
 * by script (a CMS loading it, a single-page navigation) has put its text in. Detection runs after
 * the page has been quiet for a moment, never on every mutation. Never resolves once aborted.
 */
export function waitForArticle<T>(options: WaitForArticleOptions<T>): Promise<T> {
  const { doc, detect } = options;
  const quiet = options.quietMs ?? 200;
  const maxWait = options.maxWaitMs ?? 1000;
  const found = detect();
  if (found) return Promise.resolve(found);
  const win = doc.defaultView ?? globalThis;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  return new Promise<T>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChange = 0;
    const look = () => {
      timer = undefined;
      firstChange = 0;
      const article = detect();
      if (!article) return;
      stop();
      resolve(article);
    };
    const observer = new Observer(() => {
      const now = Date.now();
      firstChange ||= now;
      win.clearTimeout(timer);
      timer = win.setTimeout(look, now - firstChange >= maxWait ? 0 : quiet);
    });
    const stop = () => {
      observer.disconnect();
      win.clearTimeout(timer);
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}
