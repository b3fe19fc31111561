import type { CompiledContext, ContextRule } from './types';

/**
 * Context rules: where a short term is ordinary text (北約 in 「以北約10公里」, 華盛頓 in 華盛頓號), and
 * which of two entries a shared form means (東海). The build folds every string the way the matcher
 * folds page text, so the checks here compare folded text with folded text.
 */

export const NUMBER_TOKEN = '<number>';
export const MEASURE_TOKEN = '<measure>';

const NUMERALS = [...'0123456789〇零一二兩三四五六七八九十百千萬億幾數'];
/** Units and measure words that follow a numeral or stand for one: 「約10公里」「三艘」. */
const MEASURES = [
  '公里', '公尺', '公分', '公頃', '公斤', '海里', '浬', '英里', '英尺', '里', '米', '噸', '度', '倍',
  '個', '名', '位', '艘', '架', '枚', '輛', '門', '座', '處', '次', '年', '天', '週', '%', '％',
];
/** What continues a proper name after a place or person's name: 華盛頓號, 華盛頓郵報, 東海大學. */
const NAME_SUFFIXES = ['號', '郵報', '日報', '時報', '週刊', '大學', '州', '路', '街', '大道', '公司', '集團', '基金會'];

/** Every plain string a context rule uses, so the build's fold table covers their characters. */
export function contextStrings(rules: readonly ContextRule[] = [], cues: readonly string[] = [], inName = false): string[] {
  const out = [...cues];
  for (const rule of rules) out.push(...expand(rule.before), ...expand(rule.after));
  if (inName) out.push(...NAME_SUFFIXES);
  return out;
}

function expand(side: readonly string[] | undefined): string[] {
  if (!side) return [];
  return side.flatMap((s) => (s === NUMBER_TOKEN ? NUMERALS : s === MEASURE_TOKEN ? MEASURES : [s]));
}

/** The entry's rules as the matcher applies them, or undefined when it has none. */
export function compileContext(
  source: { unless?: readonly ContextRule[]; notInName?: boolean; cues?: readonly string[] },
  fold: (text: string) => string,
): CompiledContext | undefined {
  const unless: [string[], string[]][] = (source.unless ?? []).map((rule) => [
    expand(rule.before).map(fold),
    expand(rule.after).map(fold),
  ]);
  if (source.notInName) unless.push([[], NAME_SUFFIXES.map(fold)]);
  const context: CompiledContext = {};
  if (unless.length) context.unless = unless;
  if (source.notInName) context.name = 1;
  if (source.cues?.length) context.cues = source.cues.map(fold);
  return Object.keys(context).length ? context : undefined;
}

const LATIN_EDGE = /[a-z0-9]/;

/** Whether one of `unless`'s rules holds around folded[start, end). */
export function ruledOut(unless: CompiledContext['unless'], folded: string, start: number, end: number): boolean {
  if (!unless) return false;
  // An English word beside an English term stands one space away ('destroyer' in "destroyer Suzhou").
  const endsBefore = (s: string) =>
    (start >= s.length && folded.startsWith(s, start - s.length)) ||
    (LATIN_EDGE.test(s[s.length - 1]!) && folded[start - 1] === ' ' && start > s.length && folded.startsWith(s, start - s.length - 1));
  const startsAfter = (s: string) => folded.startsWith(s, end) || (LATIN_EDGE.test(s[0]!) && folded[end] === ' ' && folded.startsWith(s, end + 1));
  return unless.some(
    ([before, after]) => (!before.length || before.some(endsBefore)) && (!after.length || after.some(startsAfter)),
  );
}

const CAPITALISED = /^\p{Lu}/u;
/** Capitalised words next to a name that do not make it part of a longer one. */
const NOT_NAME_WORDS = new Set(
  (
    'The A An In At On Of From To For By With And Or But As While When Since After Before Both Meanwhile ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December DC D'
  ).split(' '),
);

/** Titles and posts before a name that do not make it part of a longer one: Attorney General Pam Bondi. */
const TITLE_WORDS = new Set(
  (
    'President Vice Prime Premier Minister Secretary General Attorney Foreign Defense Defence Senator Sen ' +
    'Representative Rep Congressman Congresswoman Governor Gov Chairman Chairwoman Chair Speaker Leader ' +
    'Admiral Adm Gen Commander Colonel Col Lieutenant Lt Marshal Spokesman Spokeswoman Spokesperson ' +
    'Ambassador Envoy Mayor Chancellor Director Chief Deputy Mr Mrs Ms Dr King Queen Prince Princess Sheikh'
  ).split(' '),
);

/** A possessive ends a name rather than continuing it: China's Washington embassy. */
const POSSESSIVE = /(?:['’]s|s['’])$/u;

/**
 * Whether the Latin term at text[start, end) stands inside a longer proper name: a capitalised word
 * right before it (George Washington) or right after it (Washington Post), other than a sentence's
 * first word, a weekday, a month, a possessive or a title (Foreign Secretary David Lammy).
 */
export function insideLongerName(text: string, start: number, end: number): boolean {
  const before = /(?:^|[^\p{L}'’.-])([\p{L}][\p{L}'’.-]*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^\s+([\p{L}][\p{L}.-]*)/u.exec(text.slice(end, end + 40));
  const joins = (word: string | undefined) => !!word && CAPITALISED.test(word) && !NOT_NAME_WORDS.has(word.replace(/\.$/, ''));
  const title = TITLE_WORDS.has(before?.[1]?.replace(/\.$/, '') ?? '');
  return (joins(before?.[1]) && !POSSESSIVE.test(before![1]!) && !title) || joins(after?.[1]);
}

/** How far either side of a shared form its cues are looked for. */
export const CUE_WINDOW = 150;
/** How much nearer one sense's cue must stand than the other's to decide. */
const CUE_MARGIN = 10;

/** Characters between folded[start, end) and the nearest of `cues` within the window, or Infinity. */
function nearestCue(folded: string, start: number, end: number, cues: readonly string[]): number {
  // Only the window is searched, so a long page costs no more than a short one.
  const from = Math.max(0, start - CUE_WINDOW);
  const near = folded.slice(from, end + CUE_WINDOW);
  const [s, e] = [start - from, end - from];
  let best = Infinity;
  for (const cue of cues) {
    const before = s >= cue.length ? near.lastIndexOf(cue, s - cue.length) : -1;
    if (before >= 0) best = Math.min(best, s - (before + cue.length));
    const after = near.indexOf(cue, e);
    if (after >= 0) best = Math.min(best, after - e);
  }
  return best <= CUE_WINDOW ? best : Infinity;
}

/**
 * The sense of a shared form from the cues near it: the index among `cueLists` of the list whose cue
 * stands nearest, or -1 when no cue is near or another sense's cue is nearly as near (the text does
 * not decide).
 */
export function chooseSense(folded: string, start: number, end: number, cueLists: readonly (readonly string[])[]): number {
  const distances = cueLists.map((cues) => nearestCue(folded, start, end, cues));
  const best = Math.min(...distances);
  if (best === Infinity) return -1;
  const close = distances.filter((d) => d - best <= CUE_MARGIN).length;
  return close > 1 ? -1 : distances.indexOf(best);
}
