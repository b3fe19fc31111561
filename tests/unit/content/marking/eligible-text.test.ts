import { describe, expect, it } from 'vitest';
import { collectEligibleText, isSkippedElement, textOutside } from '../../../../content/marking/eligible-text';
import { fixtureDocument, htmlDocument } from '../../fixture-dom';

/** The text nodes a filtering walker finds: what `textOutside` must give without calling a filter per node. */
function filtered(root: Node): Text[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 ? (isSkippedElement(node as Element) ? 2 : 3) : /\S/.test((node as Text).data) ? 1 : 3),
  });
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe('the text that may carry marks', () => {
  it('is what a walker rejecting skipped elements finds, on a real article page', () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    for (const root of [doc.body, doc.querySelector('section.cp > div.container')!]) {
      const found = collectEligibleText(root);
      expect(found.length).toBeGreaterThan(10);
      expect(found).toEqual(filtered(root));
    }
  });

  it('leaves out text at any depth under a skipped element, and keeps its neighbours', () => {
    const doc = htmlDocument(
      '<div id="a"><p>甲</p><nav><div><span><b>乙</b></span></div></nav><p>丙<code>丁</code>戊</p>' +
        '<div aria-hidden="true"><p>己</p></div><p> </p><div contenteditable="false">庚</div><div contenteditable>辛</div></div>',
    );
    expect(collectEligibleText(doc.getElementById('a')!).map((t) => t.data)).toEqual(['甲', '丙', '戊', '庚']);
  });

  it('does not ask the root itself, nor what lies above it', () => {
    const doc = htmlDocument('<nav><section id="a"><p>甲</p></section></nav>');
    expect(collectEligibleText(doc.getElementById('a')!).map((t) => t.data)).toEqual(['甲']);
    expect(collectEligibleText(doc.querySelector('nav')!).map((t) => t.data)).toEqual(['甲']);
    expect(collectEligibleText(doc.body)).toEqual([]);
  });

  it('takes a text node alone, and text straight under a fragment', () => {
    const doc = htmlDocument('');
    const fragment = doc.createDocumentFragment();
    fragment.append('甲', doc.createElement('pre'));
    fragment.lastChild!.textContent = '乙';
    expect(collectEligibleText(fragment).map((t) => t.data)).toEqual(['甲']);
    expect(collectEligibleText(doc.createTextNode('丙')).map((t) => t.data)).toEqual(['丙']);
    expect(collectEligibleText(doc.createTextNode('  '))).toEqual([]);
  });

  it('asks each element once however much text it holds', () => {
    const doc = htmlDocument(`<div id="a"><p>${'<i>甲</i>乙'.repeat(50)}</p><p>丙</p></div>`);
    const asked: string[] = [];
    const found = textOutside(doc.getElementById('a')!, (el) => (asked.push(el.tagName), false), () => true);
    expect(found).toHaveLength(101);
    expect(asked.filter((t) => t === 'P')).toHaveLength(2);
    expect(asked.filter((t) => t === 'I')).toHaveLength(50);
  });

  it('walks up a nesting deeper than the parser makes (512), under a skipped element too', () => {
    const doc = htmlDocument('<div id="a"></div>');
    let at: Element = doc.getElementById('a')!;
    for (let i = 0; i < 3_000; i++) at = at.appendChild(doc.createElement(i === 1_000 ? 'aside' : 'span'));
    at.append('甲');
    doc.getElementById('a')!.append('乙');
    expect(collectEligibleText(doc.getElementById('a')!).map((t) => t.data)).toEqual(['乙']);
  });
});
