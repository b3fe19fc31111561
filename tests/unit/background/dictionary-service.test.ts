import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDictionaryLoader } from '../../../background/dictionary-service';
import { createRequestHandler } from '../../../background/request-handler';
import { createBackgroundHandlers } from '../../../background/services';
import { ProspectDb } from '../../../background/db/database';
import { compileCedict } from '../../../scripts/cedict-compile';
import { gunzipText } from '../../../utils/dictionary/gunzip';

const compiled = compileCedict({
  data: {
    all: [['協議', '协议', 'xie2 yi4', ['agreement', 'pact'], [], []]],
    variantLookup: [],
    classifierLookup: [],
  },
  date: '2026-01-04',
}).text;
const gzipped = () => new Response(gzipSync(compiled)).body!;

function handlerWith(readText: () => Promise<string>) {
  const handlers = createBackgroundHandlers({
    db: new ProspectDb({ name: `test-${crypto.randomUUID()}` }),
    glossary: () => ({ version: 1, entries: [], patterns: [], fold: '' }),
    announce: async () => {},
    openNotes: async () => {},
    readExtensionFile: async () => '',
    dictionary: createDictionaryLoader(readText),
  });
  return createRequestHandler(handlers, 'ext-id');
}

describe('dictionary/lookup in the background', () => {
  it('unpacks the gzipped file once and answers lookups from memory', async () => {
    let reads = 0;
    const handle = handlerWith(async () => {
      reads++;
      return gunzipText(gzipped());
    });
    const first = await handle({ type: 'dictionary/lookup', text: '協議已簽' }, { id: 'ext-id' });
    expect(first).toEqual({
      ok: true,
      value: { word: '協議', length: 2, entries: [expect.objectContaining({ simp: '协议', senses: ['agreement', 'pact'] })] },
    });
    expect(await handle({ type: 'dictionary/lookup', text: '沒有' }, { id: 'ext-id' })).toEqual({ ok: true, value: null });
    expect(reads).toBe(1);
  });

  it('refuses a lookup that is empty or too long', async () => {
    const handle = handlerWith(async () => compiled);
    for (const text of ['', '協'.repeat(65)]) {
      expect((await handle({ type: 'dictionary/lookup', text }, { id: 'ext-id' })).ok).toBe(false);
    }
  });

  it('says so when the file is damaged, and reads it again on the next lookup', async () => {
    let reads = 0;
    const handle = handlerWith(async () => (++reads === 1 ? 'not a dictionary' : compiled));
    expect(await handle({ type: 'dictionary/lookup', text: '協議' }, { id: 'ext-id' })).toEqual({
      ok: false,
      error: expect.stringMatching(/dictionary file is damaged/),
    });
    expect(await handle({ type: 'dictionary/lookup', text: '協議' }, { id: 'ext-id' })).toMatchObject({ ok: true });
  });
});
