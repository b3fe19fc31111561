import { describe, expect, it, vi } from 'vitest';
import { answerReaderMessage, askTab, forwardReaderCommand, isReaderCommand, type ReaderStatus } from '../../../utils/messaging/reader-messages';

const status: ReaderStatus = {
  articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html',
  lang: 'zh',
  native: 'traditional',
  shown: 'simplified',
  highlights: { drawn: 2, notAttached: 1 },
};
const handlers = () => ({ 'reader/command': vi.fn(() => null), 'reader/status': vi.fn(() => status) });

describe('messages to a tab’s reader bar', () => {
  it('answers its own messages from this extension', async () => {
    const h = handlers();
    expect(await answerReaderMessage(h, 'me', { type: 'reader/status' }, { id: 'me' })).toEqual({ ok: true, value: status });
    await answerReaderMessage(h, 'me', { type: 'reader/command', command: 'cycle-glosses' }, { id: 'me' });
    expect(h['reader/command']).toHaveBeenCalledWith({ type: 'reader/command', command: 'cycle-glosses' });
  });

  it('leaves alone what is not its own or not from this extension (no answer, nothing run)', () => {
    const h = handlers();
    expect(answerReaderMessage(h, 'me', { type: 'reader/status' }, { id: 'someone-else' })).toBeNull();
    expect(answerReaderMessage(h, 'me', { type: 'highlight/selection', source: 'command' }, { id: 'me' })).toBeNull();
    expect(answerReaderMessage(h, 'me', { type: 'reader/command', command: 'rm -rf' }, { id: 'me' })).toBeNull();
    expect(answerReaderMessage(h, 'me', { type: 'reader/status', extra: '<img onerror>' }, { id: 'me' })).toBeNull();
    expect(h['reader/command']).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply, which askTab throws', async () => {
    const reply = await answerReaderMessage(
      { 'reader/command': () => Promise.reject(new Error('dictionary missing')), 'reader/status': () => status },
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
});
