import type { Category } from '../glossary/types';

export type UiLocale = 'en' | 'zh';

const en = {
  'card.label': 'Glossary term',
  'card.pin': 'Pin',
  'card.unpin': 'Unpin',
  'card.close': 'Close',
  'card.mainland': 'Mainland usage',
  'card.occurrences': (n: number) => (n === 1 ? 'Once in this article' : `${n} times in this article`),
  'category.person': 'Person',
  'category.place': 'Place',
  'category.organization': 'Organisation',
  'category.military': 'Defence and security',
  'category.diplomacy': 'Diplomacy',
  'category.politics': 'Politics',
  'category.economy': 'Economy',
} satisfies Record<string, string | ((n: number) => string)>;

type Strings = typeof en;

const zh: Strings = {
  'card.label': '詞彙說明',
  'card.pin': '釘選',
  'card.unpin': '取消釘選',
  'card.close': '關閉',
  'card.mainland': '大陸用語',
  'card.occurrences': (n: number) => `本文出現 ${n} 次`,
  'category.person': '人物',
  'category.place': '地名',
  'category.organization': '組織',
  'category.military': '國防安全',
  'category.diplomacy': '外交',
  'category.politics': '政治',
  'category.economy': '經濟',
};

const TABLES: Record<UiLocale, Strings> = { en, zh };

export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

export function t(locale: UiLocale, key: StringKey): string {
  return TABLES[locale][key] as string;
}

export function occurrences(locale: UiLocale, count: number): string {
  return TABLES[locale]['card.occurrences'](count);
}

export function categoryLabel(locale: UiLocale, category: Category): string {
  return t(locale, `category.${category}`);
}

/** The UI follows the browser's language: Chinese for any zh locale, English otherwise. */
export function localeFromLanguage(language: string | undefined): UiLocale {
  return language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
