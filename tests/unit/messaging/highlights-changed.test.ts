import { describe, expect, it } from 'vitest';
import { shouldRefetch } from '../../../utils/messaging/highlights-changed';
import type { HighlightsChanged } from '../../../utils/messaging/to-background';

const ARTICLE = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
const change = (over: Partial<HighlightsChanged> = {}): HighlightsChanged => ({ articleUrls: [ARTICLE], origin: 'tab:8:0', serial: 's1', ...over });

describe('which announced changes a tab refetches', () => {
  it("refetches another context's change to its article", () => {
    expect(shouldRefetch(change(), ARTICLE, 'tab:7:0')).toBe(true);
    expect(shouldRefetch(change({ origin: 'page:9:chrome-extension://x/notes.html', articleUrls: ['https://a.example/x', ARTICLE] }), ARTICLE, 'tab:7:0')).toBe(true);
  });

  it('skips the echo of its own change, and changes to other articles', () => {
    expect(shouldRefetch(change({ origin: 'tab:7:0' }), ARTICLE, 'tab:7:0')).toBe(false);
    expect(shouldRefetch(change({ articleUrls: ['https://www.pf.org.tw/en/pfen/33-11787.html'] }), ARTICLE, 'tab:7:0')).toBe(false);
  });

  it('counts every change when it does not know its own name, and ignores what is not a change', () => {
    expect(shouldRefetch(change({ origin: 'tab:7:0' }), ARTICLE, null)).toBe(true);
    for (const junk of [undefined, null, 'x', { articleUrl: ARTICLE, serial: 's' }, { articleUrls: ARTICLE, origin: 'o', serial: 's' }]) {
      expect(shouldRefetch(junk, ARTICLE, null)).toBe(false);
    }
  });
});
