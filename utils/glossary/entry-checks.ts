import { MEASURE_TOKEN, NUMBER_TOKEN } from './context';
import type { ChineseTools } from './compile';
import type { SourceEntry } from './types';

const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[A-Za-z0-9][A-Za-z0-9 .&'’\-/]*$/;

/** Counts sentences by their closing marks; an explanation may have one or two. */
export function countSentences(text: string, lang: 'zh' | 'en'): number {
  const trimmed = text.trim();
  if (lang === 'zh') {
    const ends = trimmed.match(/[。！？]/g)?.length ?? 0;
    return ends + (/[。！？」』）)]$/.test(trimmed) ? 0 : 1);
  }
  // A full stop ends a sentence when a capital or the end follows; "US" is written without dots.
  const ends = trimmed.match(/[.!?]["”’)]?(?=\s+["“(]?[A-Z]|$)/g)?.length ?? 0;
  return ends + (/[.!?]["”’)]?$/.test(trimmed) ? 0 : 1);
}


/** Checks an entry's texts: languages, lengths, aliases, blockers and context rules. */
export function checkTexts(entry: SourceEntry, tools: ChineseTools, report: (m: string) => void): void {
  if (HAN.test(entry.en)) report('en must be English, not Chinese characters');
  if (HAN.test(entry.explain.en)) report('explain.en must be English, not Chinese characters');
  if (!HAN.test(entry.explain.zh)) report('explain.zh must be written in Chinese');
  if (entry.explain.zh.trim() === entry.zh) report('explain.zh only repeats the term');
  if (entry.explain.en.trim().toLowerCase() === entry.en.toLowerCase()) {
    report('explain.en only repeats the English');
  }
  const zhCount = countSentences(entry.explain.zh, 'zh');
  if (zhCount > 2) report(`explain.zh has ${zhCount} sentences; at most two`);
  const enCount = countSentences(entry.explain.en, 'en');
  if (enCount > 2) report(`explain.en has ${enCount} sentences; at most two`);
  for (const form of entry.mainland ?? []) {
    if (tools.toSimplified(form) !== form) report(`mainland form "${form}" is not in Simplified script`);
    if (form === tools.toSimplified(entry.zh)) {
      report(`mainland form "${form}" is only the Simplified script of zh: leave it out`);
    }
  }
  for (const alias of entry.zhAliases ?? []) {
    if (!HAN.test(alias)) report(`zhAliases "${alias}" has no Chinese characters: put it in enAliases`);
  }
  for (const alias of entry.enAliases ?? []) {
    if (!LATIN_ONLY.test(alias)) report(`enAliases "${alias}" must be Latin letters, digits and spaces`);
  }
  const forms = [entry.zh, ...(entry.zhAliases ?? []), ...(entry.mainland ?? [])];
  for (const blocker of entry.notWithin ?? []) {
    const inside = forms.some(
      (f) => blocker.includes(f) || tools.toSimplified(blocker).includes(tools.toSimplified(f)),
    );
    if (!inside) report(`notWithin "${blocker}" does not contain the term`);
  }
  checkContext(entry, report);
}

const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

/**
 * A person's post changes: the entry says when it was checked and gives the post's years. The entry
 * still compiles (the glossary as a whole is refused), so figures stay comparable while dates are added.
 */
export function checkPerson(entry: SourceEntry, report: (m: string) => void): void {
  if (entry.category !== 'person') return;
  if (!entry.checked) report('a person entry needs checked: YYYY-MM-DD, the day its post was last checked');
  if (!YEAR.test(entry.explain.zh)) report('explain.zh of a person must give the years of the post');
  if (!YEAR.test(entry.explain.en)) report('explain.en of a person must give the years of the post');
}

const TOKEN = /^<[a-z]+>$/;

function checkContext(entry: SourceEntry, report: (m: string) => void): void {
  for (const rule of entry.unless ?? []) {
    for (const s of [...(rule.before ?? []), ...(rule.after ?? [])]) {
      if (TOKEN.test(s) && s !== NUMBER_TOKEN && s !== MEASURE_TOKEN) {
        report(`unless: "${s}" is not ${NUMBER_TOKEN} or ${MEASURE_TOKEN}`);
      }
    }
  }
}
