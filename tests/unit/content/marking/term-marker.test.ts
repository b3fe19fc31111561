import { describe, expect, it, vi } from 'vitest';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker, unmarkAll } from '../../../../content/marking/term-marker';
import { observeArticle } from '../../../../content/marking/article-observer';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { SAMPLE } from '../../glossary/sample-records';
import { fixtureDocument, htmlDocument } from '../../fixture-dom';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const newMarker = () =>
  createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id), yieldToPage: () => Promise.resolve() });
const marks = (root: Element) =>
  [...root.querySelectorAll('pr-term')].map((m) => [m.textContent, m.getAttribute('data-term-id')]);
const settle = () => new Promise((r) => setTimeout(r, 0));
/** A marker that counts the characters it matches. */
function countingMarker() {
  const base = createMatcher(index);
  const counted = { chars: 0 };
  const marker = createTermMarker({
    matcher: { match: (text) => base.match(text), matchEach: (texts) => ((counted.chars += texts.join('').length), base.matchEach(texts)) },
    entryIds: index.entries.map((e) => e.id),
    yieldToPage: () => Promise.resolve(),
  });
  return { marker, counted };
}

/** A marker on a clock that ticks at every look, counting how often it yields to the page. */
function tickingMarker(options: { sliceChars?: number } = {}) {
  let clock = 0;
  const yields = { count: 0 };
  const marker = createTermMarker({
    matcher: createMatcher(index),
    entryIds: index.entries.map((e) => e.id),
    sliceBudgetMs: 5,
    ...options,
    now: () => (clock += 1),
    yieldToPage: async () => void yields.count++,
  });
  return { marker, yields };
}

describe('createTermMarker', () => {
  it('marks the seed article without changing its text, and is idempotent', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const before = body.textContent;
    const marker = newMarker();
    const count = await marker.mark(body);
    expect(count).toBeGreaterThan(15);
    expect(body.textContent).toBe(before);
    expect(marks(body)).toContainEqual(['洲際彈道飛彈', 'icbm']);
    expect(marks(body)).toContainEqual(['ICBMs', 'icbm']);
    expect(marker.markNow(body)).toBe(0);
    expect(body.querySelectorAll('pr-term pr-term').length).toBe(0);
    expect(body.querySelectorAll('pr-term').length).toBe(count);
  });

  it('never touches code, form fields, scripts, styles, editable areas or related boxes', () => {
    const doc = htmlDocument(`<div id="a">
      <p>北韓</p><code>北韓</code><pre>北韓</pre><textarea>北韓</textarea><input value="北韓">
      <script>var s = "北韓";</script><style>/* 北韓 */</style><div contenteditable="true">北韓</div>
      <div contenteditable="false"><p>北約</p></div><div class="related">北韓</div><nav>北韓</nav>
      <select><option>北韓</option></select><button>北韓</button></div>`);
    const root = doc.getElementById('a')!;
    newMarker().markNow(root);
    expect(marks(root)).toEqual([['北韓', 'korea-north'], ['北約', 'nato']]);
  });

  it('treats text that looks like HTML as text', () => {
    const doc = htmlDocument('<p id="a"></p>');
    const p = doc.getElementById('a')!;
    p.textContent = '<b onmouseover="alert(1)">北韓</b> &amp; <img src=x onerror=alert(1)>';
    const before = p.textContent;
    newMarker().markNow(p);
    expect(p.textContent).toBe(before);
    expect(p.querySelectorAll('b, img').length).toBe(0);
    expect(marks(p)).toEqual([['北韓', 'korea-north']]);
  });

  it('leaves a term split by inline tags as it is, and marks terms inside links and emphasis', () => {
    const doc = htmlDocument('<p id="a">北<b>韓</b>試射<a href="/x">洲際彈道飛彈</a>與<em>北約</em></p>');
    const p = doc.getElementById('a')!;
    const before = p.textContent;
    newMarker().markNow(p);
    expect(p.textContent).toBe(before);
    expect(marks(p)).toEqual([['洲際彈道飛彈', 'icbm'], ['北約', 'nato']]);
    expect(p.querySelector('a pr-term')).not.toBeNull();
  });

  it('survives very deep nesting and a million characters', async () => {
    const doc = htmlDocument('<div id="a"></div>');
    let el = doc.getElementById('a')!;
    for (let i = 0; i < 2000; i++) el = el.appendChild(doc.createElement('span'));
    el.textContent = '北韓';
    const deep = doc.getElementById('a')!;
    newMarker().markNow(deep);
    expect(deep.querySelectorAll('pr-term').length).toBe(1);

    const big = htmlDocument('<div id="b"></div>').getElementById('b')!;
    const paragraph = '李在明認為北韓的洲際彈道飛彈威脅需要耐心處理，南北韓關係仍待改善。';
    for (let i = 0; i < 31_000; i++) big.append(Object.assign(big.ownerDocument.createElement('p'), { textContent: paragraph }));
    expect(big.textContent!.length).toBeGreaterThan(1_000_000);
    const count = await newMarker().mark(big);
    expect(count).toBe(62_000);
  }, 60_000);

  it('yields to the page between slices on a long page', async () => {
    const doc = htmlDocument('<div id="a"></div>');
    const root = doc.getElementById('a')!;
    for (let i = 0; i < 200; i++) root.append(Object.assign(doc.createElement('p'), { textContent: '北韓與北約' }));
    const { marker, yields } = tickingMarker({ sliceChars: 10 });
    expect(await marker.mark(root)).toBe(400);
    expect(yields.count).toBeGreaterThan(10);
  });

  it("stops a marking in slices once cancelled: a new glossary's marker takes over", async () => {
    const doc = htmlDocument('<div id="a"></div>');
    const root = doc.getElementById('a')!;
    for (let i = 0; i < 200; i++) root.append(Object.assign(doc.createElement('p'), { textContent: '北韓與北約' }));
    const { marker } = tickingMarker({ sliceChars: 10 });
    const marking = marker.mark(root);
    marker.cancel();
    const count = await marking;
    expect(count).toBeLessThan(400);
    expect(root.querySelectorAll('pr-term').length).toBe(count);
    expect(await marker.mark(root)).toBe(0);
  });

  it('does not match again text it matched that has not changed since', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const { marker, counted } = countingMarker();
    await marker.mark(body);
    expect(counted.chars).toBeGreaterThan(1_000);
    counted.chars = 0;
    expect(marker.markNow(body)).toBe(0);
    expect(await marker.mark([body, body.firstElementChild!])).toBe(0);
    expect(counted.chars).toBe(0);
  });

  it('yields to the page while gathering the text of many nodes that hold little of it', async () => {
    const doc = htmlDocument('<div id="a"></div>');
    const nodes = Array.from({ length: 1_000 }, () => doc.getElementById('a')!.appendChild(doc.createElement('span')));
    nodes[999]!.textContent = '北韓';
    const { marker, yields } = tickingMarker();
    expect(await marker.mark(nodes)).toBe(1);
    expect(yields.count).toBeGreaterThan(10);
  });
});

describe('unmarkAll', () => {
  it('restores the article text and nodes as they were, so it can be marked again', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const paragraphs = () => [...body.querySelectorAll('p')].map((p) => [p.childNodes.length, p.textContent]);
    const before = paragraphs();
    const count = await newMarker().mark(body);
    expect(unmarkAll(body)).toBe(count);
    expect(body.querySelectorAll('pr-term').length).toBe(0);
    expect(paragraphs()).toEqual(before);
    expect(newMarker().markNow(body)).toBe(count);
  });

  it('keeps other elements inside and around a mark', () => {
    const doc = htmlDocument('<p id="a">前<b>北韓<pr-term data-term-id="x">北約<i>會</i></pr-term>後</b></p>');
    const root = doc.getElementById('a')!;
    expect(unmarkAll(root)).toBe(1);
    expect([...root.querySelector('b')!.childNodes].map((n) => n.nodeName)).toEqual(['#text', 'I', '#text']);
    expect(root.querySelector('b')!.firstChild!.textContent).toBe('北韓北約');
    expect(root.textContent).toBe('前北韓北約會後');
    expect(root.querySelector('b > i')?.textContent).toBe('會');
  });
});

/** Runs `test` on the live document (its window's timers are the ones faked) with an empty article in it. */
async function onLivePage(test: (doc: Document, article: HTMLElement) => Promise<void>) {
  vi.useFakeTimers();
  try {
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'article' }));
    await test(document, document.getElementById('article')!);
  } finally {
    vi.useRealTimers();
  }
}

describe('observeArticle', () => {
  function setup() {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    let root = doc.querySelector('section.cp > div.container')!;
    const marker = newMarker();
    marker.markNow(root);
    let lost = 0;
    const observation = observeArticle({
      doc,
      getRoot: () => root,
      marker,
      onRootLost: () => {
        lost++;
        root = doc.querySelector('section.cp > div.container') ?? root;
        marker.markNow(root);
      },
    });
    return { doc, root: () => root, stop: observation.stop, lost: () => lost };
  }

  it('marks paragraphs the page adds, and only those', async () => {
    const { doc, root, stop } = setup();
    const before = root().querySelectorAll('pr-term').length;
    const first = root().querySelector('pr-term');
    const p = doc.createElement('p');
    p.textContent = '北韓與北約';
    root().append(p);
    await settle();
    await settle();
    expect(marks(p)).toEqual([['北韓', 'korea-north'], ['北約', 'nato']]);
    expect(root().querySelectorAll('pr-term').length).toBe(before + 2);
    expect(first!.isConnected).toBe(true);
    stop();
  });

  it('marks text the page changes in place, and ignores additions outside the article', async () => {
    const { doc, root, stop } = setup();
    const lead = root().querySelector('p.lead')!.firstChild as Text;
    lead.data = '北約峰會';
    doc.querySelector('footer')!.append(doc.createTextNode('北韓'));
    await settle();
    await settle();
    expect(marks(root().querySelector('p.lead')!)).toEqual([['北約', 'nato']]);
    expect(doc.querySelectorAll('footer pr-term').length).toBe(0);
    stop();
  });

  it('does not take drawn highlights for page content, and marks text the page adds inside one later', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const root = doc.querySelector('section.cp > div.container')!;
    const marker = newMarker();
    marker.markNow(root);
    const marked: Node[] = [];
    const mark = marker.mark.bind(marker);
    marker.mark = (nodes) => {
      marked.push(...(Array.isArray(nodes) ? nodes : [nodes as Node]));
      return mark(nodes);
    };
    const { stop, quietly } = observeArticle({ doc, getRoot: () => root, marker, onRootLost: () => undefined });
    const lead = root.querySelector('p.lead')!;
    const text = lead.textContent;
    // What drawing a highlight does: split a text node and wrap a piece.
    const hl = doc.createElement('pr-highlight');
    quietly(() => {
      const tail = (lead.firstChild as Text).splitText(3);
      lead.insertBefore(hl, tail);
      hl.append(tail);
    });
    await settle();
    await settle();
    expect(marked).toEqual([]);
    expect(lead.textContent).toBe(text);

    // The page adds text inside the highlight later: it is marked like any article text.
    hl.append(doc.createTextNode('北約'));
    await settle();
    await settle();
    expect(marked.length).toBe(1);
    expect(marks(hl)).toEqual([['北約', 'nato']]);
    stop();
  });

  it('marks a storm of 4,000 added nodes once each, through their queued ancestors', async () => {
    const { doc, root, stop } = setup();
    const marked: Node[] = [];
    const counting = newMarker();
    const observation = observeArticle({
      doc,
      getRoot: root,
      marker: { ...counting, mark: async (nodes) => (marked.push(...(Array.isArray(nodes) ? nodes : [nodes])), counting.mark(nodes)) },
      onRootLost: () => undefined,
    });
    stop();
    const box = doc.createElement('div');
    for (let i = 0; i < 3_000; i++) {
      const p = doc.createElement('p');
      p.append(doc.createTextNode('北韓'));
      box.append(p);
    }
    root().append(box);
    for (let i = 0; i < 40; i++) root().append(doc.createTextNode('北約'));
    await vi.waitFor(() => expect(marked.length).toBe(41));
    expect(marked[0]).toBe(box);
    expect(box.querySelectorAll('pr-term').length).toBe(3_000);
    observation.stop();
  });

  it('says when the article changed: after the page\'s additions are marked, and after a change made quietly', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const marker = newMarker();
    marker.markNow(body);
    let changes = 0;
    const observation = observeArticle({ doc, getRoot: () => body, marker, onRootLost: () => undefined, onChange: () => changes++ });
    body.append(doc.createTextNode('北約'));
    await vi.waitFor(() => expect(changes).toBe(1));
    expect(body.lastChild?.nodeName).toBe('PR-TERM');
    observation.quietly(() => body.append(doc.createElement('span')));
    expect(changes).toBe(2);
    await settle();
    expect(changes).toBe(2);
    observation.stop();
  });

  it('takes a storm of records into one parent as that parent once, and marks nothing twice', async () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const body = doc.querySelector('section.cp > div.container')!;
    const root = () => body;
    const marked: Node[] = [];
    const counting = newMarker();
    const before = counting.markNow(body);
    const observation = observeArticle({
      doc,
      getRoot: root,
      marker: { ...counting, mark: async (nodes) => (marked.push(...(Array.isArray(nodes) ? nodes : [nodes])), counting.mark(nodes)) },
      onRootLost: () => undefined,
    });
    for (let i = 0; i < 5_000; i++) root().append(doc.createTextNode(i % 2 ? '北約' : '北韓'));
    await vi.waitFor(() => expect(root().querySelectorAll('pr-term').length).toBe(before + 5_000), { timeout: 20_000 });
    // The first records one by one, then the parent once.
    expect(marked.length).toBeLessThan(100);
    expect(marked).toContain(root());
    expect(root().querySelector('pr-term pr-term')).toBeNull();
    // Marked again as a whole later (the page moves it), the article keeps one mark a term.
    await counting.mark(root());
    expect(root().querySelectorAll('pr-term').length).toBe(before + 5_000);
    observation.stop();
    // Time allowed, not measured: jsdom takes seconds for 5,000 marks on a slow two-core machine.
  }, 30_000);

  it('backs off from a page that removes the marks as they appear, and keeps the page\'s timers running', async () => {
    await onLivePage(async (doc, article) => {
      const root = () => article;
      let flushes = 0;
      const marker = newMarker();
      const observation = observeArticle({
        doc,
        getRoot: root,
        marker: { ...marker, mark: async (node) => (flushes++, marker.mark(node)) },
        onRootLost: () => undefined,
        now: () => Date.now(),
      });
      // The fighter: every mark is taken out again at once.
      const fighter = new MutationObserver(() => {
        for (const mark of root().querySelectorAll('pr-term')) mark.replaceWith(doc.createTextNode(mark.textContent ?? ''));
      });
      fighter.observe(root(), { childList: true, subtree: true });
      let timerRan = false;
      setTimeout(() => (timerRan = true), 0);
      root().append(Object.assign(doc.createElement('p'), { textContent: '北韓與北約' }));
      await vi.advanceTimersByTimeAsync(10);
      expect(timerRan).toBe(true);
      await vi.advanceTimersByTimeAsync(60_000);
      // Twenty rounds in the first second, then waits of 1, 2, 4, 8, 16 and 30 seconds: about 26
      // rounds in a minute instead of one per task.
      expect(flushes).toBeLessThanOrEqual(30);
      expect(flushes).toBeGreaterThan(20);
      fighter.disconnect();
      observation.stop();
    });
  });

  it('looks for a missing article once the page is quiet, not on every change', async () => {
    const { doc, stop, lost } = setup();
    doc.querySelector('section.cp')!.remove();
    for (let i = 0; i < 50; i++) {
      doc.body.append(doc.createElement('span'));
      await settle();
    }
    expect(lost()).toBe(0);
    await vi.waitFor(() => expect(lost()).toBe(1));
    stop();
  });

  it('finds the article again when the page removes and re-adds it', async () => {
    const { doc, root, stop, lost } = setup();
    const section = doc.querySelector('section.cp')!;
    const parent = section.parentElement!;
    section.remove();
    await settle();
    const fresh = doc.createElement('section');
    fresh.className = 'cp';
    const container = doc.createElement('div');
    container.className = 'container';
    for (let i = 0; i < 10; i++) container.append(Object.assign(doc.createElement('p'), { textContent: '北韓問題與北約峰會的關係十分複雜。'.repeat(3) }));
    fresh.append(container);
    parent.append(fresh);
    await vi.waitFor(() => expect(lost()).toBeGreaterThan(0));
    expect(root()).toBe(container);
    expect(container.querySelectorAll('pr-term').length).toBe(60);
    expect(container.querySelectorAll('pr-term pr-term').length).toBe(0);
    stop();
  });

  it('backs off only from marks the page removed: after a burst, a paragraph added every 200 ms is marked at once', async () => {
    await onLivePage(async (doc, article) => {
      const observation = observeArticle({ doc, getRoot: () => article, marker: newMarker(), onRootLost: () => undefined, now: () => Date.now() });
      const add = () => article.appendChild(Object.assign(doc.createElement('p'), { textContent: '北韓與北約' }));
      // More flushes in a second than the observer allows: it backs off.
      for (let i = 0; i < 30; i++) {
        add();
        await vi.advanceTimersByTimeAsync(10);
      }
      const delays: number[] = [];
      for (let i = 0; i < 8; i++) {
        await vi.advanceTimersByTimeAsync(200);
        const p = add();
        let waited = 0;
        for (; !p.querySelector('pr-term') && waited < 60_000; waited += 10) await vi.advanceTimersByTimeAsync(10);
        delays.push(waited);
      }
      // The first may still wait out the back-off of the burst; none waits longer after it.
      expect(delays[0]).toBeLessThanOrEqual(1_000);
      expect(delays.slice(1)).toEqual(Array(7).fill(10));
      observation.stop();
    });
  });

  it('marks again the text the page changes in place in a mark and beside it, and unwraps the mark that no longer holds its term', async () => {
    const doc = htmlDocument('<div id="a"><p>北韓與美國</p><p>北約會議</p></div>');
    const root = doc.getElementById('a')!;
    const marker = newMarker();
    marker.markNow(root);
    const [first, second] = [...root.querySelectorAll('p')];
    expect(marks(first!)).toEqual([['北韓', 'korea-north']]);
    const observation = observeArticle({ doc, getRoot: () => root, marker, onRootLost: () => undefined });
    (first!.querySelector('pr-term')!.firstChild as Text).data = '美國';
    (first!.lastChild as Text).data = '與北韓和';
    // Written again with the same text, a mark stays as it is.
    const kept = second!.querySelector('pr-term')!;
    (kept.firstChild as Text).data = '北約';
    await vi.waitFor(() => expect(marks(first!)).toEqual([['北韓', 'korea-north']]));
    expect(first!.textContent).toBe('美國與北韓和');
    expect(second!.querySelector('pr-term')).toBe(kept);
    observation.stop();
  });

  it('undoes a mark the page put other text into, keeping the elements it put there and marking their text', async () => {
    const doc = htmlDocument('<div id="a"><p>北韓與美國</p></div>');
    const root = doc.getElementById('a')!;
    const marker = newMarker();
    marker.markNow(root);
    const p = root.querySelector('p')!;
    const observation = observeArticle({ doc, getRoot: () => root, marker, onRootLost: () => undefined });
    const bold = Object.assign(doc.createElement('b'), { textContent: '北約' });
    p.querySelector('pr-term')!.replaceChildren(bold);
    await vi.waitFor(() => expect(marks(p)).toEqual([['北約', 'nato']]));
    expect(p.firstChild).toBe(bold);
    expect(p.textContent).toBe('北約與美國');
    observation.stop();
  });

  it('marks a burst of nodes added to the article, and only them: text not marked yet and text matched before are left alone', async () => {
    const doc = htmlDocument('<div id="a"><p id="near">北韓</p><p>南方</p><p id="far">北約</p></div>');
    const root = doc.getElementById('a')!;
    const { marker, counted } = countingMarker();
    // As on a long page marked near the viewport: the last paragraph is not marked yet.
    marker.markNow(root.querySelector('#near')!);
    marker.markNow(root.children[1]!);
    counted.chars = 0;
    const observation = observeArticle({ doc, getRoot: () => root, marker, onRootLost: () => undefined });
    // Fewer records than a storm (past 64 into one parent, the parent is taken whole).
    for (let i = 0; i < 40; i++) root.append(doc.createElement('span'));
    root.append(doc.createTextNode('北韓'));
    await vi.waitFor(() => expect(root.lastChild?.nodeName).toBe('PR-TERM'));
    expect(root.querySelector('#far pr-term')).toBeNull();
    expect(counted.chars).toBe(2);
    observation.stop();
  });

  it('looks for a missing article within a second on a page that is never quiet, and once a second at most', async () => {
    await onLivePage(async (doc, article) => {
      let lost = 0;
      const observation = observeArticle({ doc, getRoot: () => article, marker: newMarker(), onRootLost: () => lost++, now: () => Date.now() });
      article.remove();
      // A change every 100 ms for three seconds: never the 250 ms of quiet.
      for (let i = 0; i < 30; i++) {
        doc.body.append(doc.createElement('span'));
        await vi.advanceTimersByTimeAsync(100);
        if (i === 10) expect(lost).toBe(1);
      }
      expect(lost).toBeGreaterThanOrEqual(2);
      expect(lost).toBeLessThanOrEqual(3);
      observation.stop();
    });
  });
});
