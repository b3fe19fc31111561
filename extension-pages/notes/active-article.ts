import { useEffect, useState } from 'preact/hooks';
import { canonicalArticleUrl } from '../../utils/site/article-url';

interface Listener<F> {
  addListener(fn: F): void;
  removeListener(fn: F): void;
}

/** The part of `browser.tabs` the side panel needs. */
export interface TabsApi {
  query(query: { active: true; currentWindow: true }): Promise<{ url?: string }[]>;
  onActivated: Listener<() => void>;
  onUpdated: Listener<(tabId: number, change: { url?: string; status?: string }) => void>;
}

/** The article (canonical URL) a tab shows, or null when it shows none or its address is hidden from us. */
export function articleOfTab(tab: { url?: string } | undefined): string | null {
  return tab?.url ? canonicalArticleUrl(tab.url) : null;
}

/**
 * The article the active tab of this window shows, following the reader between tabs and pages.
 * undefined until the first answer. The tab's address is visible to the extension on
 * www.pf.org.tw only (the content script's host permission), which is all the panel needs.
 */
export function useActiveArticle(tabs: TabsApi): string | null | undefined {
  const [article, setArticle] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      void tabs.query({ active: true, currentWindow: true }).then(
        ([tab]) => {
          if (live) setArticle(articleOfTab(tab));
        },
        () => {
          if (live) setArticle(null);
        },
      );
    };
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url !== undefined || change.status === 'complete') refresh();
    };
    refresh();
    tabs.onActivated.addListener(refresh);
    tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      tabs.onActivated.removeListener(refresh);
      tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabs]);
  return article;
}
