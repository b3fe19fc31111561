import type { DictionaryMatch } from '../../../utils/dictionary/types';

/** A dictionary lookup that answers only when the test says so, counting what it is asked. */
export function heldLookup(answer: (text: string) => DictionaryMatch | null) {
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const lookup = (text: string) => {
    asked.push(text);
    return new Promise<DictionaryMatch | null>((resolve) => waiting.push(() => resolve(answer(text))));
  };
  const answerAll = async () => {
    for (const go of waiting.splice(0)) go();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { lookup, asked, answerAll };
}
