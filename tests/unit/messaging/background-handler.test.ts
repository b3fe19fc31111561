import { describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../utils/messaging/background-handler';
import type { GlossaryIndex } from '../../../utils/glossary/types';

const index: GlossaryIndex = { version: 1, entries: [], patterns: [], fold: '' };
const handle = createRequestHandler({ 'glossary/get': () => index }, 'ext-id');
const fromExtension = { id: 'ext-id', url: 'https://www.pf.org.tw/tw/pfch/34-12001.html' };

describe('the background request handler', () => {
  it('answers a valid request from the extension', async () => {
    expect(await handle({ type: 'glossary/get' }, fromExtension)).toEqual({ ok: true, value: index });
  });

  it('refuses messages of the wrong shape with a clear reason', async () => {
    for (const message of [null, 'glossary/get', {}, { type: 'glossary/delete' }, { type: 'glossary/get', extra: 1 }]) {
      const reply = await handle(message, fromExtension);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^refused: not a valid request/) });
    }
  });

  it('refuses messages from web pages and other extensions', async () => {
    expect(await handle({ type: 'glossary/get' }, { url: 'https://evil.example/' })).toEqual({
      ok: false,
      error: expect.stringMatching(/did not come from this extension/),
    });
    expect((await handle({ type: 'glossary/get' }, { id: 'other' })).ok).toBe(false);
  });

  it('turns a failing handler into an error reply', async () => {
    const failing = createRequestHandler(
      {
        'glossary/get': () => {
          throw new Error('disk full');
        },
      },
      'ext-id',
    );
    expect(await failing({ type: 'glossary/get' }, fromExtension)).toEqual({ ok: false, error: 'disk full' });
  });
});
