/**
 * The strings of every UI the article page and the PDF reader show, in English and Chinese, one
 * table a language (the extension pages' own are in page-strings.ts, so article pages never load
 * them). A key missing from either table is a type error (`zh` must match `en`).
 */
import type { Category } from '../glossary/types';

export type UiLocale = 'en' | 'zh';

const en = {
  'card.label': 'Glossary term',
  'card.pin': 'Pin',
  'card.unpin': 'Unpin',
  'card.close': 'Close',
  'card.mainland': 'Mainland usage',
  'card.otherSense': 'The text around it does not decide; it may also mean',
  'card.checked': 'Checked {month} {year}',
  'card.occurrences': (n: number) => (n === 1 ? 'Once in this article' : `${n} times in this article`),
  'dict.label': 'Dictionary',
  'dict.moreSenses': 'All {n} senses',
  'dict.fewerSenses': 'Fewer senses',
  'dict.taiwan': 'Taiwan',
  'dict.classifiers': 'Measure words',
  'dict.variantOf': 'Variant of',
  'dict.source': 'From CC-CEDICT (CC BY-SA 4.0)',
  'dict.section': 'In the dictionary',
  'dict.following': 'Followed by',
  'dict.setting': 'Dictionary cards',
  'dict.settingHint': 'A card for any Chinese word under the pointer that the glossary does not mark, from CC-CEDICT.',
  'dict.modifier': 'Look up only while holding',
  'dict.modifier.none': 'No key (every hover)',
  'dict.modifier.Alt': 'Alt',
  'dict.modifier.Control': 'Ctrl',
  'dict.modifier.Shift': 'Shift',
  'category.person': 'Person',
  'category.place': 'Place',
  'category.organization': 'Organisation',
  'category.military': 'Defence and security',
  'category.diplomacy': 'Diplomacy',
  'category.politics': 'Politics',
  'category.economy': 'Economy',
  'pdf.readInReader': 'Read in Prospect Reader',
  'bar.label': 'Prospect Reader',
  'bar.simplified': '简 Simplified',
  'bar.traditional': '繁 Traditional',
  'bar.script': 'Script',
  'bar.scriptLoading': 'Loading the dictionary…',
  'bar.scriptFailed': 'The script could not be switched: {error}',
  'bar.glosses': 'Glosses',
  'bar.gloss.off': 'Off',
  'bar.gloss.ruby': 'Above the term',
  'bar.gloss.after': 'After the term',
  'bar.level': 'Reading level',
  'bar.level.all': 'Every term',
  'bar.level.first': 'First occurrence only',
  'bar.level.categories': 'Chosen categories',
  'bar.categories': 'Gloss these categories',
  'bar.highlights': 'Highlights on this page: {n}',
  'bar.notAttached': '{n} not found in the text',
  'bar.notes': 'Notes',
  'bar.collapse': 'Fold Prospect Reader to its icon',
  'bar.expand': 'Open Prospect Reader',
  'bar.move': 'Move the bar (drag, or arrow keys)',
  'highlight.action': 'Highlight',
  'highlight.toolbar': 'Highlight the selection',
  'highlight.card': 'Highlight',
  'highlight.note': 'Note',
  'highlight.notePlaceholder': 'Your thoughts on this passage…',
  'highlight.colors': 'Colour',
  'highlight.color.yellow': 'Yellow',
  'highlight.color.green': 'Green',
  'highlight.color.blue': 'Blue',
  'highlight.color.pink': 'Pink',
  'highlight.color.purple': 'Purple',
  'highlight.tags': 'Tags',
  'highlight.addTag': 'Add a tag',
  'highlight.removeTag': 'Remove tag',
  'highlight.copy': 'Copy',
  'highlight.copied': 'Copied the quote with a link back',
  'highlight.copyFailed': 'Could not copy to the clipboard',
  'highlight.delete': 'Delete',
  'highlight.openNotes': 'All notes',
  'highlight.deleted': 'Highlight deleted',
  'highlight.undo': 'Undo',
  'highlight.close': 'Close',
  'highlight.saving': 'Saving…',
  'highlight.saved': 'Saved',
  'highlight.unsaved': 'Not saved',
  'highlight.retry': 'Retry',
  'highlight.saveFailed': 'This highlight is not saved yet',
  'highlight.orphans': (n: number) =>
    n === 1 ? '1 highlight could not be placed in this version of the article' : `${n} highlights could not be placed in this version of the article`,
  'highlight.orphansNote': 'They are kept, not deleted. Their quotes:',
  'highlight.dismiss': 'Dismiss',
  'card.saveTerm': 'Save term',
  'card.termSaved': 'Saved',
  'card.saveFailed': 'Not saved, try again',
} satisfies Record<string, string | ((n: number) => string)>;

type Strings = typeof en;

const zh: Strings = {
  'card.label': '詞彙說明',
  'card.pin': '釘選',
  'card.unpin': '取消釘選',
  'card.close': '關閉',
  'card.mainland': '大陸用語',
  'card.otherSense': '上下文無法判定，也可能指',
  'card.checked': '{year} 年 {month} 月查核',
  'card.occurrences': (n: number) => `本文出現 ${n} 次`,
  'dict.label': '詞典',
  'dict.moreSenses': '全部 {n} 個義項',
  'dict.fewerSenses': '收起義項',
  'dict.taiwan': '臺灣讀音',
  'dict.classifiers': '量詞',
  'dict.variantOf': '異體字，同',
  'dict.source': '取自 CC-CEDICT（CC BY-SA 4.0）',
  'dict.section': '詞典釋義',
  'dict.following': '後接',
  'dict.setting': '詞典卡片',
  'dict.settingHint': '游標下任何未列入詞彙表的中文詞，都以 CC-CEDICT 顯示卡片。',
  'dict.modifier': '僅在按住此鍵時查詢',
  'dict.modifier.none': '不需按鍵（每次停留）',
  'dict.modifier.Alt': 'Alt',
  'dict.modifier.Control': 'Ctrl',
  'dict.modifier.Shift': 'Shift',
  'category.person': '人物',
  'category.place': '地名',
  'category.organization': '組織',
  'category.military': '國防安全',
  'category.diplomacy': '外交',
  'category.politics': '政治',
  'category.economy': '經濟',
  'pdf.readInReader': '用 Prospect Reader 閱讀',
  'bar.label': 'Prospect Reader',
  'bar.simplified': '简 简体',
  'bar.traditional': '繁 繁體',
  'bar.script': '字體',
  'bar.scriptLoading': '正在載入字典…',
  'bar.scriptFailed': '無法轉換字體：{error}',
  'bar.glosses': '詞彙註解（Gloss）',
  'bar.gloss.off': '關閉',
  'bar.gloss.ruby': '標在詞上方',
  'bar.gloss.after': '標在詞後面',
  'bar.level': '註解程度',
  'bar.level.all': '每個詞彙',
  'bar.level.first': '只標第一次出現',
  'bar.level.categories': '選定的類別',
  'bar.categories': '註解這些類別',
  'bar.highlights': '本頁重點：{n}',
  'bar.notAttached': '{n} 則在內文中找不到',
  'bar.notes': '筆記',
  'bar.collapse': '將 Prospect Reader 收成圖示',
  'bar.expand': '展開 Prospect Reader',
  'bar.move': '移動工具列（拖曳或方向鍵）',
  'highlight.action': '畫重點',
  'highlight.toolbar': '為選取的文字畫重點',
  'highlight.card': '重點',
  'highlight.note': '筆記',
  'highlight.notePlaceholder': '寫下對這段文字的想法…',
  'highlight.colors': '顏色',
  'highlight.color.yellow': '黃色',
  'highlight.color.green': '綠色',
  'highlight.color.blue': '藍色',
  'highlight.color.pink': '粉紅色',
  'highlight.color.purple': '紫色',
  'highlight.tags': '標籤',
  'highlight.addTag': '新增標籤',
  'highlight.removeTag': '移除標籤',
  'highlight.copy': '複製',
  'highlight.copied': '已複製引文及原文連結',
  'highlight.copyFailed': '無法複製到剪貼簿',
  'highlight.delete': '刪除',
  'highlight.openNotes': '所有筆記',
  'highlight.deleted': '已刪除重點',
  'highlight.undo': '復原',
  'highlight.close': '關閉',
  'highlight.saving': '儲存中…',
  'highlight.saved': '已儲存',
  'highlight.unsaved': '尚未儲存',
  'highlight.retry': '重試',
  'highlight.saveFailed': '這個重點尚未儲存',
  'highlight.orphans': (n: number) => `有 ${n} 個重點無法在此版本的文章中定位`,
  'highlight.orphansNote': '它們仍然保留，沒有被刪除。引文如下：',
  'highlight.dismiss': '關閉提示',
  'card.saveTerm': '收藏詞彙',
  'card.termSaved': '已收藏',
  'card.saveFailed': '未能收藏，請再試一次',
};

const TABLES: Record<UiLocale, Strings> = { en, zh };

export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

export function t(locale: UiLocale, key: StringKey): string {
  return TABLES[locale][key] as string;
}

export function occurrences(locale: UiLocale, count: number): string {
  return TABLES[locale]['card.occurrences'](count);
}

/** "Checked March 2026" for an entry checked in 2026-03. */
export function checkedOn(locale: UiLocale, yearMonth: string): string {
  const date = new Date(`${yearMonth}-01T00:00:00Z`);
  const month =
    locale === 'en' ? date.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' }) : String(date.getUTCMonth() + 1);
  return tf(locale, 'card.checked', { month, year: date.getUTCFullYear() });
}

export function orphanSummary(locale: UiLocale, count: number): string {
  return TABLES[locale]['highlight.orphans'](count);
}

export function categoryLabel(locale: UiLocale, category: Category): string {
  return t(locale, `category.${category}`);
}

/** The UI follows the browser's language: Chinese for any zh locale, English otherwise. */
export function localeFromLanguage(language: string | undefined): UiLocale {
  return language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A string with `{name}` placeholders filled in (values are text; nothing is parsed as markup). */
export function tf(locale: UiLocale, key: StringKey, values: Record<string, string | number>): string {
  return t(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
