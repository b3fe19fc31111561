/** How English names are written in articles: case, acronyms, country forms, possessives. */

const COUNTRY_FORMS: [country: string, adjective: string][] = [
  ['China', 'Chinese'],
  ['Japan', 'Japanese'],
  ['Korea', 'Korean'],
  ['Taiwan', 'Taiwanese'],
  ['Philippines', 'Philippine'],
  ['Russia', 'Russian'],
  ['Ukraine', 'Ukrainian'],
  ['Iran', 'Iranian'],
  ['Israel', 'Israeli'],
  ['India', 'Indian'],
  ['Vietnam', 'Vietnamese'],
  ['Indonesia', 'Indonesian'],
  ['Australia', 'Australian'],
];

/**
 * The other forms journalists give a name that starts with a country: "China Coast Guard" is also
 * written "Chinese Coast Guard" and "China's Coast Guard" ("the Philippines' Coast Guard").
 */
export function countryVariants(alias: string): string[] {
  const space = alias.indexOf(' ');
  if (space < 0) return [];
  const head = alias.slice(0, space);
  const rest = alias.slice(space);
  const forms = COUNTRY_FORMS.find(([country, adjective]) => head === country || head === adjective);
  if (!forms) return [];
  const [country, adjective] = forms;
  const possessive = country.endsWith('s') ? `${country}'` : `${country}'s`;
  return [country, adjective, possessive].filter((h) => h !== head).map((h) => h + rest);
}

/** The acronyms that style guides following AP write with points; others (EU, PLA) they do not. */
const DOTTED = new Map([['US', 'U.S.'], ['USA', 'U.S.A.'], ['UN', 'U.N.'], ['UK', 'U.K.']]);

/** The form with those acronyms dotted: "US Senate" is also "U.S. Senate"; none when it has none. */
export function dottedForm(alias: string): string | undefined {
  const words = alias.split(' ');
  return words.some((word) => DOTTED.has(word)) ? words.map((word) => DOTTED.get(word) ?? word).join(' ') : undefined;
}

/** An acronym: two or more capitals and no small letter (US, ICBM, F-16). */
export function isAcronym(word: string): boolean {
  return /^[^a-z]*$/.test(word) && (word.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** A form that takes a plural "s" as one word: an acronym (ICBMs) or a code ending in a digit (F-16s). */
export const takesPlural = (form: string) => isAcronym(form) || /[A-Z][^\s]*\d$/.test(form);

/**
 * A name of several words without an acronym, and no code that takes a plural: `caseFits` takes it
 * in any case and the matcher asks nothing else of its spelling, so none needs keeping.
 */
export function fitsAnyCase(form: string): boolean {
  const words = form.split(/([\s-]+)/);
  return words.length >= 3 && !words.some(isAcronym) && !takesPlural(form);
}

/**
 * Whether `pageText` is an accepted spelling of the Latin `spelling`. A single word keeps its
 * capitals (China, not china) or is all capitals; a name of several words is accepted in any case,
 * except its acronyms, which stay exact ("US" never matches "us"). Accents are compared away.
 */
export function caseFits(pageText: string, spelling: string): boolean {
  // Accents are no part of the case: Erdoğan is written Erdogan as often.
  const original = withoutAccents(pageText);
  const form = withoutAccents(spelling);
  if (original === form || original === form.toUpperCase()) return true;
  const words = form.split(/([\s-]+)/);
  if (words.length < 3) return false;
  const pageWords = original.split(/([\s-]+)/);
  if (pageWords.length !== words.length) return false;
  return words.every((word, i) => {
    const page = pageWords[i]!;
    return isAcronym(word) ? page === word : page.toLowerCase() === word.toLowerCase();
  });
}

const withoutAccents = (text: string) => (/[^ -~]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text);
