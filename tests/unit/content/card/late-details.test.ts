import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadingCards } from '../../../../content/card/reading-cards';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { ATTR, HOST, TAG } from '../../../../utils/dom-names';
import { compileGlossary } from '../../../../utils/glossary/compile';
import type { CompiledEntry } from '../../../../utils/glossary/types';
import { recordShadowRoots } from '../../fixture-dom';

const { index } = compileGlossary(
  [{ id: 'sanctions', zh: '制裁', pinyin: 'zhì cái', en: 'sanctions', category: 'economy', region: 'global', explain: { zh: '說明。', en: 'The curated explanation.' } }].map(
    (value, i) => ({ origin: `t.yaml:${i}`, value }),
  ),
  createChineseTools(),
);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('a term hovered before its details arrived', () => {
  it('asks for them, and its card opens when they come (also after a failed first fetch)', () => {
    vi.stubGlobal('CSS', { escape: (id: string) => id });
    const roots = recordShadowRoots();
    const article = document.createElement('article');
    const mark = document.createElement(TAG.term);
    mark.setAttribute(ATTR.termId, 'sanctions');
    mark.textContent = '制裁';
    article.append(mark);
    document.body.append(article);
    // The details map the page fills as the background answers: empty, as after a failed prefetch.
    const entries = new Map<string, CompiledEntry>();
    const asked: string[][] = [];
    const cards = createReadingCards({
      doc: document,
      entries,
      articleRoot: () => article,
      locale: 'en',
      pageLang: 'zh',
      cssText: '',
      article: () => ({ url: 'https://www.pf.org.tw/a', title: 'A' }),
      want: (ids) => asked.push([...ids]),
    });
    const card = () => {
      const host = document.querySelector(HOST.termCard);
      return host ? roots.get(host)!.querySelector('[role="tooltip"]') : null;
    };
    cards.card.show(mark);
    expect(card()).toBeNull();
    expect(asked).toEqual([['sanctions']]);
    entries.set('sanctions', index.entries[0]!);
    cards.card.detailsArrived();
    expect(card()!.textContent).toContain('The curated explanation.');
    // Details that arrive once the reader has moved on open nothing.
    cards.card.hide();
    cards.card.detailsArrived();
    expect(card()?.textContent ?? '').not.toContain('The curated explanation.');
    cards.destroy();
  });
});
