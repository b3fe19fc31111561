import { describe, expect, it } from 'vitest';
import { forwardHighlight, parseTabMessage, type TabMessage } from '../../../utils/messaging/tab-message';

describe('background → tab messages', () => {
  it('accepts the highlight request and refuses anything else', () => {
    expect(parseTabMessage({ type: 'highlight/selection', source: 'command' })).toEqual({ type: 'highlight/selection', source: 'command' });
    expect(parseTabMessage({ type: 'highlight/selection', source: 'menu' })).not.toBeNull();
    expect(parseTabMessage({ type: 'highlight/selection', source: 'page' })).toBeNull();
    expect(parseTabMessage({ type: 'highlight/selection', source: 'menu', note: '<img onerror=x>' })).toBeNull();
    expect(parseTabMessage({ type: 'highlights/add' })).toBeNull();
    expect(parseTabMessage('highlight/selection')).toBeNull();
    expect(parseTabMessage(null)).toBeNull();
  });

  it('forwards to the tab where the shortcut or menu was used, and not without a tab', async () => {
    const sent: [number, TabMessage][] = [];
    const send = async (tabId: number, message: TabMessage) => {
      sent.push([tabId, message]);
    };
    expect(await forwardHighlight(7, 'menu', send)).toBe(true);
    expect(await forwardHighlight(undefined, 'command', send)).toBe(false);
    expect(await forwardHighlight(-1, 'command', send)).toBe(false);
    expect(sent).toEqual([[7, { type: 'highlight/selection', source: 'menu' }]]);
    expect(parseTabMessage(sent[0]![1])).not.toBeNull();
  });

  it('reports a tab without our content script as not reached, without throwing', async () => {
    const refuse = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await forwardHighlight(3, 'command', refuse)).toBe(false);
  });
});
