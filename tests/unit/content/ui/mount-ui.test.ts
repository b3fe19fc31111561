import { h } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { mountUi } from '../../../../content/ui/mount-ui';
import { htmlDocument, recordShadowRoots } from '../../fixture-dom';

describe('mountUi', () => {
  it('makes no host until something is rendered, then renders into a closed root', () => {
    const roots = recordShadowRoots();
    const doc = htmlDocument('<p>page</p>');
    const ui = mountUi(doc, { tag: 'prospect-reader-test', css: 'p { color: red }' });
    expect(ui.current()).toBeNull();
    ui.render(h('p', null, 'card'));
    const host = doc.querySelector('prospect-reader-test')!;
    expect(host.shadowRoot).toBeNull();
    expect(roots.get(host)!.mode).toBe('closed');
    expect(roots.get(host)!.textContent).toContain('card');
    // Events from inside a closed root reach the page retargeted to the host.
    expect(ui.contains(host)).toBe(true);
    expect(ui.contains(doc.querySelector('p'))).toBe(false);
  });

  it('makes the host again after the page removed it, running onCreate each time', () => {
    const doc = htmlDocument('');
    let made = 0;
    const ui = mountUi(doc, { tag: 'prospect-reader-test', css: '', onCreate: () => made++ });
    ui.render(h('p', null, 'one'));
    doc.querySelector('prospect-reader-test')!.remove();
    ui.render(h('p', null, 'two'));
    expect(made).toBe(2);
    expect(doc.querySelectorAll('prospect-reader-test').length).toBe(1);
  });

  it('puts the host where asked', () => {
    const doc = htmlDocument('<a href="#">file</a><p>after</p>');
    const link = doc.querySelector('a')!;
    mountUi(doc, { tag: 'prospect-reader-test', css: '', place: (host) => link.after(host) }).ensure();
    expect(link.nextElementSibling?.localName).toBe('prospect-reader-test');
  });

  it('unmounts the components before the host goes, so their effects end', () => {
    const doc = htmlDocument('');
    const events: string[] = [];
    function Card() {
      useLayoutEffect(() => () => void events.push('cleaned up'), []);
      return h('p', null, 'card');
    }
    const ui = mountUi(doc, { tag: 'prospect-reader-test', css: '' });
    ui.render(h(Card, null));
    ui.destroy();
    expect(events).toEqual(['cleaned up']);
    expect(doc.querySelector('prospect-reader-test')).toBeNull();
    expect(ui.current()).toBeNull();
  });
});
