import { describe, expect, it } from 'vitest';
import { checkRange, checkSelection, focusInField } from '../../../../content/highlights/selection';
import { htmlDocument } from '../../fixture-dom';

function setup() {
  const parsed = htmlDocument(
    '<header id="nav">Menu</header><div id="body"><p id="p1">First paragraph text.</p><p id="p2">   </p>' +
      '<p id="p3">With <input id="field" value="typed"> a field.</p><textarea id="ta">note</textarea></div>' +
      '<prospect-reader-highlights id="ui">Card text</prospect-reader-highlights>',
  );
  // The live document: only it has a selection and focus.
  const doc = document;
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
  const body = doc.getElementById('body')!;
  const text = (id: string) => doc.getElementById(id)!.firstChild!;
  const range = (a: Node, ao: number, b: Node, bo: number) => {
    const r = doc.createRange();
    r.setStart(a, ao);
    r.setEnd(b, bo);
    return r;
  };
  return { doc, body, text, range };
}

describe('checkRange', () => {
  it('accepts text inside the article body', () => {
    const { body, text, range } = setup();
    expect(checkRange(range(text('p1'), 0, text('p1'), 5), body).ok).toBe(true);
  });

  it('refuses a selection starting or ending outside the body (the whole page, the menu, our UI)', () => {
    const { doc, body, text, range } = setup();
    const whole = doc.createRange();
    whole.selectNodeContents(doc.body);
    expect(checkRange(whole, body)).toEqual({ ok: false, reason: 'outside-article' });
    expect(checkRange(range(text('nav'), 0, text('p1'), 3), body)).toEqual({ ok: false, reason: 'outside-article' });
    expect(checkRange(range(text('ui'), 0, text('ui'), 4), body)).toEqual({ ok: false, reason: 'outside-article' });
  });

  it('refuses whitespace, empty ranges and ranges touching a form field', () => {
    const { body, text, range, doc } = setup();
    expect(checkRange(range(text('p2'), 0, text('p2'), 3), body)).toEqual({ ok: false, reason: 'whitespace' });
    expect(checkRange(range(text('p1'), 2, text('p1'), 2), body)).toEqual({ ok: false, reason: 'empty' });
    const p3 = doc.getElementById('p3')!;
    expect(checkRange(range(p3.firstChild!, 0, p3.lastChild!, 3), body)).toEqual({ ok: false, reason: 'form-field' });
    expect(checkRange(range(text('ta'), 0, text('ta'), 2), body)).toEqual({ ok: false, reason: 'form-field' });
  });
});

describe('checkSelection', () => {
  it('reads the document selection and refuses none or a collapsed one', () => {
    const { doc, body, text } = setup();
    const selection = doc.getSelection()!;
    selection.removeAllRanges();
    expect(checkSelection(selection, body)).toEqual({ ok: false, reason: 'empty' });
    selection.setBaseAndExtent(text('p1'), 0, text('p1'), 5);
    const check = checkSelection(selection, body);
    expect(check.ok && check.range.toString()).toBe('First');
  });

  it('knows when focus is in a text field', () => {
    const { doc } = setup();
    expect(focusInField(doc)).toBe(false);
    (doc.getElementById('field') as HTMLInputElement).focus();
    expect(focusInField(doc)).toBe(true);
  });
});
