import { describe, expect, it } from 'vitest';
import { followingWords } from '../../../utils/dictionary/following-words';
import type { DictionaryMatch } from '../../../utils/dictionary/types';

const WORDS = ['關係', '關', '係', '發展', '政府', '𠮷野', '的', '合作'];

/** The longest of WORDS at the start of a text, as the dictionary answers. */
function lookup(text: string): DictionaryMatch | null {
  const word = WORDS.filter((w) => text.startsWith(w)).sort((a, b) => b.length - a.length)[0];
  return word ? { word, length: word.length, entries: [{ trad: word, simp: word, pinyin: 'p', senses: [`sense of ${word}`], classifiers: [], variantOf: [] }] } : null;
}

const words = async (text: string, look: typeof lookup | ((t: string) => Promise<DictionaryMatch | null>) = lookup) =>
  (await followingWords(text, look)).map((w) => w.word);

describe('the words after a card’s word', () => {
  it('are the longest words in turn, two at most', async () => {
    expect(await words('關係發展政府')).toEqual(['關係', '發展']);
    expect(await words('關係')).toEqual(['關係']);
  });

  it('stop where the Han text ends, where no word starts, and at a particle', async () => {
    expect(await words('，關係')).toEqual([]);
    expect(await words('')).toEqual([]);
    expect(await words('關係ABC')).toEqual(['關係']);
    expect(await words('關係甲發展')).toEqual(['關係']);
    expect(await words('的合作')).toEqual([]);
    expect(await words('合作的發展')).toEqual(['合作']);
  });

  it('read a character beyond the Basic Multilingual Plane as one', async () => {
    expect(await words('𠮷野政府')).toEqual(['𠮷野', '政府']);
  });

  it('take the first entry of each word, and a lookup that answers later', async () => {
    const later = (text: string) => new Promise<DictionaryMatch | null>((resolve) => setTimeout(() => resolve(lookup(text)), 1));
    const found = await followingWords('政府關係', later);
    expect(found.map((w) => [w.word, w.entry.senses[0]])).toEqual([
      ['政府', 'sense of 政府'],
      ['關係', 'sense of 關係'],
    ]);
  });
});
