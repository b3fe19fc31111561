import { describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../background/request-handler';
import { createGlossaryService } from '../../../background/glossary-service';
import { EMPTY_PERSONAL_GLOSSARY } from '../../../utils/glossary/personal-storage';
import { matchIndexOf } from '../../../utils/glossary/match-index';
import type { GlossaryIndex } from '../../../utils/glossary/types';
import { createBackgroundHandlers } from '../../../background/services';
import { ProspectDb } from '../../../background/db/database';
import { compileCedict } from '../../../scripts/cedict-compile';
import { gunzipText } from '../../../utils/dictionary/gunzip';
import { gzipSync } from 'node:zlib';
import { createShardedDictionary } from '../../../utils/dictionary/sharded';
import { DICTIONARY_INDEX_FILE } from '../../../utils/dictionary/format';

const { files } = compileCedict({
  data: {
    all: [
      ['協議', '协议', 'xie2 yi4', ['agreement', 'pact'], [], []],
      ['臺灣', '台湾', 'Tai2 wan1', 'Taiwan', [], []],
      ['擔憂', '担忧', 'dan1 you1', 'to worry', [], []],
    ],
    variantLookup: [],
    classifierLookup: [],
  },
  date: '2026-01-04',
});

const EMPTY: GlossaryIndex = { version: 1, entries: [], patterns: [], fold: '' };

function handlerWith(readText: (path: string) => Promise<string>) {
  const handlers = createBackgroundHandlers({
    db: new ProspectDb({ name: `test-${crypto.randomUUID()}` }),
    glossary: createGlossaryService({ loadBuiltIn: async () => EMPTY, loadBuiltInMatch: async () => matchIndexOf(EMPTY), loadPersonal: async () => EMPTY_PERSONAL_GLOSSARY }),
    announce: async () => {},
    openNotes: async () => {},
    openPdf: async () => {},
    readExtensionFile: async () => '',
    dictionary: createShardedDictionary(readText),
    updateSettings: () => Promise.reject(new Error('no settings in this test')),
  });
  return createRequestHandler(handlers, 'ext-id', 'chrome-extension://ext-id/');
}

describe('dictionary/lookup in the background', () => {
  it('unpacks the index and only the shard a lookup needs, once each, and answers from memory', async () => {
    const reads: string[] = [];
    const handle = handlerWith(async (path) => {
      reads.push(path);
      return gunzipText(new Response(gzipSync(files.get(path)!)).body!);
    });
    const first = await handle({ type: 'dictionary/lookup', text: '協議已簽' }, { id: 'ext-id' });
    expect(first).toEqual({
      ok: true,
      value: { word: '協議', length: 2, entries: [expect.objectContaining({ simp: '协议', senses: ['agreement', 'pact'] })] },
    });
    await handle({ type: 'dictionary/lookup', text: '协议' }, { id: 'ext-id' });
    expect(reads).toHaveLength(2);
    // Traditional and Simplified text fold to the same shard.
    expect((await handle({ type: 'dictionary/lookup', text: '台灣' }, { id: 'ext-id' })).ok).toBe(true);
    expect(await handle({ type: 'dictionary/lookup', text: '臺灣' }, { id: 'ext-id' })).toMatchObject({ value: { word: '臺灣' } });
    expect(reads).toHaveLength(3);
    expect(await handle({ type: 'dictionary/lookup', text: '沒有' }, { id: 'ext-id' })).toEqual({ ok: true, value: null });
  });

  it('refuses a lookup that is empty or too long', async () => {
    const handle = handlerWith(async (path) => files.get(path)!);
    for (const text of ['', '協'.repeat(65)]) {
      expect((await handle({ type: 'dictionary/lookup', text }, { id: 'ext-id' })).ok).toBe(false);
    }
  });

  it('says so when a file is damaged, and reads it again on the next lookup', async () => {
    let reads = 0;
    const handle = handlerWith(async (path) => (path === DICTIONARY_INDEX_FILE && ++reads === 1 ? 'not a dictionary' : files.get(path)!));
    expect(await handle({ type: 'dictionary/lookup', text: '協議' }, { id: 'ext-id' })).toEqual({
      ok: false,
      error: expect.stringMatching(/dictionary file is damaged/),
    });
    expect(await handle({ type: 'dictionary/lookup', text: '協議' }, { id: 'ext-id' })).toMatchObject({ ok: true, value: { word: '協議' } });
  });
});
