import { describe, expect, it } from 'vitest';
import { createShadowHost, setUiTheme } from '../../../../content/ui/shadow-host';
import { htmlDocument } from '../../fixture-dom';

describe('createShadowHost', () => {
  it('puts the UI in a closed shadow root with its stylesheet set as text', () => {
    const doc = htmlDocument('<p>page</p>');
    const { host, root, mount } = createShadowHost(doc, 'prospect-reader-test', 'b { color: red } </style><script>x()</script>');
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    expect(root.querySelector('style')!.textContent).toContain('<script>');
    expect(root.querySelector('script')).toBeNull();
    expect(mount.parentNode).toBe(root);
  });

  it('stops synthetic events at the root: a page script cannot press a button inside', () => {
    const doc = htmlDocument('');
    const { root, mount } = createShadowHost(doc, 'prospect-reader-test', '');
    const button = doc.createElement('button');
    const pressed: string[] = [];
    for (const type of ['click', 'keydown', 'input']) button.addEventListener(type, () => pressed.push(type));
    mount.append(button);
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    button.dispatchEvent(new Event('input', { bubbles: true }));
    expect(pressed).toEqual([]);
    expect(root.contains(button)).toBe(true);
  });

  it('gives every host the reader\'s theme, those made later included', () => {
    const doc = htmlDocument('');
    const first = createShadowHost(doc, 'prospect-reader-a', '');
    expect(first.host.getAttribute('data-theme')).toBe('system');
    setUiTheme(doc, 'dark');
    expect(first.host.getAttribute('data-theme')).toBe('dark');
    const later = createShadowHost(doc, 'prospect-reader-b', '');
    expect(later.host.getAttribute('data-theme')).toBe('dark');
    setUiTheme(doc, 'light');
    expect([first.host, later.host].map((h) => h.getAttribute('data-theme'))).toEqual(['light', 'light']);
  });
});
