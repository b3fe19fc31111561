import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { savedWordFrom } from '../../../../content/dictionary/save-word';
import { SavedTermSchema } from '../../../../utils/highlights/schema';

describe('saving a dictionary word', () => {
  it('keeps its forms, pinyin with the Taiwan reading, the first senses, the source and the sentence', () => {
    const record = savedWordFrom(
      {
        trad: '垃圾',
        simp: '垃圾',
        pinyin: 'lā jī',
        taiwanPinyin: 'lè sè',
        senses: ['trash', 'refuse', 'garbage', '(coll.) of poor quality'],
        classifiers: [],
        variantOf: [],
      },
      '街上到處是垃圾。',
      { url: 'https://www.pf.org.tw/tw/pfch/34-12001.html', title: '標題' },
      'From CC-CEDICT (CC BY-SA 4.0)',
      { now: new Date('2026-12-01T12:00:00Z'), newId: () => 'id-1' },
    );
    expect(record).toEqual({
      id: 'id-1',
      termId: 'cedict:垃圾/lā jī',
      trad: '垃圾',
      simp: '垃圾',
      en: 'trash; refuse; garbage',
      pinyin: 'lā jī (lè sè)',
      explanation: 'From CC-CEDICT (CC BY-SA 4.0)',
      sentence: '街上到處是垃圾。',
      articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html',
      articleTitle: '標題',
      created: '2026-12-01T12:00:00.000Z',
    });
    expect(v.safeParse(SavedTermSchema, record).success).toBe(true);
  });
});
