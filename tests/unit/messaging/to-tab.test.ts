import { describe, expect, it, vi } from 'vitest';
import { answerTabMessage, askTab, forwardHighlight, forwardReaderCommand, isReaderCommand, type ReaderStatus, type ToTab } from '../../../utils/messaging/to-tab';

const status: ReaderStatus = {
  articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html',
  lang: 'zh',
  native: 'traditional',
  shown: 'simplified',
  highlights: { drawn: 2, notAttached: 1 },
};
const handlers = () => ({ 'highlight/selection': vi.fn(() => null), 'reader/command': vi.fn(() => null), 'reader/status': vi.fn(() => status) });

describe('messages to a tab', () => {
  it('answers its own messages from this extension', async () => {
    const h = handlers();
    expect(await answerTabMessage(h, 'me', { type: 'highlight/selection', source: 'menu' }, { id: 'me' })).toEqual({ ok: true, value: null });
    expect(h['highlight/selection']).toHaveBeenCalledWith({ type: 'highlight/selection', source: 'menu' });
    expect(await answerTabMessage(h, 'me', { type: 'reader/status' }, { id: 'me' })).toEqual({ ok: true, value: status });
    await answerTabMessage(h, 'me', { type: 'reader/command', command: 'cycle-glosses' }, { id: 'me' });
    expect(h['reader/command']).toHaveBeenCalledWith({ type: 'reader/command', command: 'cycle-glosses' });
  });

  it('leaves alone what is not its own or not from this extension (no answer, nothing run)', () => {
    const h = handlers();
    expect(answerTabMessage(h, 'me', { type: 'reader/status' }, { id: 'someone-else' })).toBeNull();
    expect(answerTabMessage(h, 'me', { type: 'highlight/selection', source: 'page' }, { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', { type: 'highlight/selection', source: 'menu', note: '<img onerror=x>' }, { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', { type: 'highlights/add' }, { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', 'highlight/selection', { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', null, { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', { type: 'reader/command', command: 'rm -rf' }, { id: 'me' })).toBeNull();
    expect(answerTabMessage(h, 'me', { type: 'reader/status', extra: '<img onerror>' }, { id: 'me' })).toBeNull();
    expect(h['reader/command']).not.toHaveBeenCalled();
    expect(h['highlight/selection']).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply, which askTab throws', async () => {
    const reply = await answerTabMessage(
      { 'highlight/selection': () => null, 'reader/command': () => Promise.reject(new Error('dictionary missing')), 'reader/status': () => status },
      'me',
      { type: 'reader/command', command: 'toggle-script' },
      { id: 'me' },
    );
    expect(reply).toEqual({ ok: false, error: 'dictionary missing' });
    await expect(askTab(() => Promise.resolve(reply), 1, { type: 'reader/command', command: 'toggle-script' })).rejects.toThrow('dictionary missing');
    await expect(askTab(() => Promise.resolve(undefined), 1, { type: 'reader/status' })).rejects.toThrow(/no Prospect Reader/);
  });

  it('forwards a shortcut to the tab, and is quiet about tabs without a reader', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: true, value: null }));
    expect(await forwardReaderCommand(7, 'toggle-script', send)).toBe(true);
    expect(send).toHaveBeenCalledWith(7, { type: 'reader/command', command: 'toggle-script' });
    expect(await forwardReaderCommand(undefined, 'toggle-script', send)).toBe(false);
    expect(await forwardReaderCommand(8, 'cycle-glosses', () => Promise.reject(new Error('no receiver')))).toBe(false);
    expect(isReaderCommand('toggle-script')).toBe(true);
    expect(isReaderCommand('highlight-selection')).toBe(false);
  });

  it('forwards the highlight shortcut or menu to its tab, and is quiet about tabs without a reader', async () => {
    const sent: [number, ToTab][] = [];
    const send = async (tabId: number, message: ToTab) => {
      sent.push([tabId, message]);
    };
    expect(await forwardHighlight(7, 'menu', send)).toBe(true);
    expect(await forwardHighlight(undefined, 'command', send)).toBe(false);
    expect(await forwardHighlight(-1, 'command', send)).toBe(false);
    expect(sent).toEqual([[7, { type: 'highlight/selection', source: 'menu' }]]);
    const refuse = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await forwardHighlight(3, 'command', refuse)).toBe(false);
  });
});
