import { describe, expect, it, vi } from 'vitest';
import { dictionaryPayload } from '../../../../scripts/opencc-dictionaries';
import { compileGlossarySources } from '../../../../scripts/glossary-sources';
import { anchorAll } from '../../../../utils/anchoring/anchor';
import { buildTextIndex } from '../../../../utils/anchoring/text-offsets';
import { createFoldTable, foldText } from '../../../../utils/glossary/fold';
import { drawHighlights } from '../../../../content/highlights/draw';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { converterFromPayload, createConverterLoader, type ScriptDirection } from '../../../../utils/chinese-script/dictionary';
import {
  collectScriptText,
  convertKeepingLength,
  createPageScript,
  detectNativeScript,
} from '../../../../content/chinese-script/page-script';
import { fixtureDocument, htmlDocument } from '../../fixture-dom';

const { index } = compileGlossarySources();
const converters = {
  t2s: converterFromPayload(JSON.stringify(dictionaryPayload('t2s'))),
  s2t: converterFromPayload(JSON.stringify(dictionaryPayload('s2t'))),
};
const loadConverter = (direction: ScriptDirection) => Promise.resolve(converters[direction]);

function seedArticle() {
  const doc = fixtureDocument('pf-tw-article-34-12001.html');
  const body = doc.querySelector('section.cp > div.container')!;
  const marker = createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id) });
  marker.markNow(body);
  return { doc, body };
}

const termIds = (root: Element) => [...root.querySelectorAll('pr-term')].map((m) => m.getAttribute('data-term-id'));

describe('the 繁/简 switch on the seed article', () => {
  it('shows the body in Simplified and back in Traditional exactly, keeping every mark', async () => {
    const { body } = seedArticle();
    const original = body.textContent!;
    const ids = termIds(body);
    expect(ids.length).toBeGreaterThan(15);
    const script = createPageScript({ getRoot: () => body, native: 'traditional', loadConverter });
    expect(script.shown).toBe('traditional');

    await script.show('simplified');
    const simplified = body.textContent!;
    expect(script.shown).toBe('simplified');
    expect(simplified).toContain('韩半岛');
    expect(simplified).toContain('飞弹');
    expect(simplified).not.toContain('韓半島');
    // Phrase-level conversion keeps every length, so offsets and the fold still line up.
    expect(simplified.length).toBe(original.length);
    expect(termIds(body)).toEqual(ids);
    expect(body.getAttribute('lang')).toBe('zh-Hans');

    await script.show('traditional');
    expect(body.textContent).toBe(original);
    expect(termIds(body)).toEqual(ids);
    expect(body.hasAttribute('lang')).toBe(false);
  });

  it('keeps a highlight drawn while Simplified, with its text mapped back, and it attaches again in Traditional', async () => {
    const { body } = seedArticle();
    const original = body.textContent!;
    const script = createPageScript({ getRoot: () => body, native: 'traditional', loadConverter });
    await script.show('simplified');

    // A reader highlights a passage while the page is Simplified (drawn as h4's session draws it).
    const shown = buildTextIndex(body);
    const start = shown.text.indexOf('李在明定调');
    expect(start).toBeGreaterThan(0);
    const end = start + 30;
    const quote = { type: 'TextQuoteSelector' as const, exact: shown.text.slice(start, end), prefix: shown.text.slice(start - 20, start), suffix: shown.text.slice(end, end + 20) };
    drawHighlights(shown, [{ id: 'h1', color: 'yellow', start, end }]);
    expect(body.querySelectorAll('pr-highlight[data-highlight-id="h1"]').length).toBeGreaterThan(0);

    await script.show('traditional');
    expect(body.textContent).toBe(original);
    const highlighted = [...body.querySelectorAll('pr-highlight[data-highlight-id="h1"]')].map((e) => e.textContent).join('');
    expect(highlighted).toBe(buildTextIndex(body).text.slice(start, end));
    expect(highlighted).toContain('李在明定調');

    // Next visit, the page shows Traditional: the Simplified quote still anchors with the glossary's fold.
    const fold = createFoldTable(index.fold);
    const [anchor] = anchorAll(body, [{ quote, position: { type: 'TextPositionSelector', start, end } }], {
      normalize: (text) => foldText(text, fold),
    });
    expect(anchor).toMatchObject({ start, end });
  });

  it('restores exactly after marks and highlights replaced the converted text nodes', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const original = body.textContent!;
    const script = createPageScript({ getRoot: () => body, native: 'traditional', loadConverter });
    await script.show('simplified');
    // The marker runs late (on Simplified text) and wraps terms into new nodes.
    createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id) }).markNow(body);
    expect(body.querySelectorAll('pr-term').length).toBeGreaterThan(15);
    await script.show('traditional');
    expect(body.textContent).toBe(original);
  });

  it('leaves text the page added meanwhile alone and still restores the rest', async () => {
    const doc = htmlDocument('<article><p>國際關係</p><p>兩岸對話</p></article>');
    const root = doc.querySelector('article')!;
    const script = createPageScript({ getRoot: () => root, native: 'traditional', loadConverter });
    await script.show('simplified');
    expect(root.textContent).toBe('国际关系两岸对话');
    root.querySelector('p')!.remove();
    root.append(doc.createElement('p'));
    root.lastElementChild!.textContent = '新增內容';
    await script.show('traditional');
    expect(root.textContent).toBe('兩岸對話新增內容');
  });

  it('shows a page published in Simplified in Traditional and back, loading only that direction', async () => {
    const doc = htmlDocument('<article><p>朝鲜半岛的局势与<b>国际</b>关系</p></article>');
    const root = doc.querySelector('article')!;
    const original = root.textContent!;
    expect(detectNativeScript(original + '这个国家的发展')).toBe('simplified');
    const load = vi.fn(loadConverter);
    const script = createPageScript({ getRoot: () => root, native: 'simplified', loadConverter: load });
    await script.show('traditional');
    expect(root.textContent).toBe('朝鮮半島的局勢與國際關係');
    expect(root.querySelector('b')!.textContent).toBe('國際');
    expect(load).toHaveBeenCalledWith('s2t');
    await script.show('simplified');
    expect(root.textContent).toBe(original);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets the later of two quick requests win', async () => {
    const doc = htmlDocument('<article><p>國際關係</p></article>');
    const root = doc.querySelector('article')!;
    let release!: () => void;
    const slow = (direction: ScriptDirection) => new Promise<typeof converters.t2s>((r) => (release = () => r(converters[direction])));
    const script = createPageScript({ getRoot: () => root, native: 'traditional', loadConverter: slow });
    const first = script.show('simplified');
    await script.show('traditional');
    release();
    await first;
    expect(root.textContent).toBe('國際關係');
    expect(script.shown).toBe('traditional');
  });

  it('runs its rewrite through `quietly`, so the article observer does not take it for new content', async () => {
    const doc = htmlDocument('<article><p>國際關係</p></article>');
    const root = doc.querySelector('article')!;
    let quiet = 0;
    const quietly = <T,>(fn: () => T): T => {
      quiet++;
      return fn();
    };
    const script = createPageScript({ getRoot: () => root, native: 'traditional', loadConverter, quietly });
    await script.show('simplified');
    await script.show('traditional');
    expect(quiet).toBe(2);
  });

  it('skips code, forms and our own UI hosts but converts inside term marks', () => {
    const doc = htmlDocument(
      '<article><p>國<pr-term data-term-id="x">際</pr-term></p><script>var 國="";</script><textarea>國</textarea><prospect-reader-bar>國</prospect-reader-bar></article>',
    );
    expect(collectScriptText(doc.querySelector('article')!).map((t) => t.data)).toEqual(['國', '際']);
  });
});

describe('conversion helpers', () => {
  it('never changes a text’s length, falling back to characters where a phrase would', () => {
    const lengthening = (text: string) => text.replace(/甲/g, '甲乙');
    expect(convertKeepingLength('甲丙', lengthening)).toBe('甲丙');
    expect(convertKeepingLength('國際', converters.t2s)).toBe('国际');
  });

  it('refuses a damaged dictionary file with a clear message', () => {
    expect(() => converterFromPayload('<html>')).toThrow(/damaged \(not JSON\)/);
    expect(() => converterFromPayload('{"groups":[[42]]}')).toThrow(/damaged \(unexpected shape\)/);
  });

  it('loads each dictionary once, and tries again after a failure', async () => {
    const payload = JSON.stringify(dictionaryPayload('t2s'));
    const read = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(payload);
    const load = createConverterLoader(read);
    await expect(load('t2s')).rejects.toThrow('offline');
    const convert = await load('t2s');
    await load('t2s');
    expect(convert('臺灣')).toBe('台湾');
    expect(read).toHaveBeenCalledTimes(2);
    expect(read).toHaveBeenCalledWith('t2s');
  });

  it('tells a Traditional text from a Simplified one', () => {
    expect(detectNativeScript('這個國家的發展與兩岸關係')).toBe('traditional');
    expect(detectNativeScript('这个国家的发展与两岸关系')).toBe('simplified');
  });
});
