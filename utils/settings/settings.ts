import * as v from 'valibot';
import { CATEGORIES, type Category } from '../glossary/types';
import { localeFromLanguage, type UiLocale } from '../i18n/strings';
import { parseWebUrl } from '../site/web-url';

/**
 * The reader's settings: one record, stored under `local:settings` (see settings-storage.ts).
 * This file is pure (no browser APIs) so every context and every test can use it.
 */

/** Which script the article is shown in: as published, or converted to Traditional or Simplified. */
export const SCRIPT_PREFERENCES = ['original', 'traditional', 'simplified'] as const;
export type ScriptPreference = (typeof SCRIPT_PREFERENCES)[number];

/** Inline glosses: none, ruby above the term, or small type after it. */
export const GLOSS_MODES = ['off', 'ruby', 'after'] as const;
export type GlossMode = (typeof GLOSS_MODES)[number];

/** Which marked terms get a gloss: all, only each term's first occurrence, or only `glossCategories`. */
export const GLOSS_LEVELS = ['all', 'first', 'categories'] as const;
export type GlossLevel = (typeof GLOSS_LEVELS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** 'auto' follows the browser's language (see resolveLocale). */
export const UI_LANGUAGES = ['auto', 'en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The key that must be held for a dictionary lookup on hover ('none': every hover looks up, as 10ten's default). */
export const DICTIONARY_MODIFIERS = ['none', 'Alt', 'Control', 'Shift'] as const;
export type DictionaryModifier = (typeof DICTIONARY_MODIFIERS)[number];

/** Bounds for the numeric settings; values outside are clamped, not refused. */
export const HOVER_DELAY_MS = { min: 0, max: 2000, step: 50 } as const;
export const CARD_FONT_SIZE_PX = { min: 12, max: 24, step: 1 } as const;
/** More allowed sites than this is a sign of a broken write, not of a reader; the rest are dropped. */
export const MAX_ALLOWED_ORIGINS = 500;

export interface Settings {
  script: ScriptPreference;
  glossMode: GlossMode;
  glossLevel: GlossLevel;
  /** Used when glossLevel is 'categories'. */
  glossCategories: Category[];
  /** How long the mouse rests on a term before its card opens. */
  hoverDelayMs: number;
  /** The card's base font size (CSS var --pr-font-size). */
  cardFontSize: number;
  theme: Theme;
  /**
   * Sites besides www.pf.org.tw where the reader turned Prospect Reader on, as origins
   * (`https://example.com`, no path, no trailing slash). See utils/sites/allow-site.ts.
   */
  allowedOrigins: string[];
  uiLanguage: UiLanguage;
  /** CC-CEDICT cards for Chinese words outside the glossary's marks. */
  dictionary: boolean;
  dictionaryModifier: DictionaryModifier;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  script: 'original',
  glossMode: 'off',
  glossLevel: 'all',
  glossCategories: [...CATEGORIES],
  hoverDelayMs: 180,
  cardFontSize: 15,
  theme: 'system',
  allowedOrigins: [],
  uiLanguage: 'auto',
  dictionary: true,
  dictionaryModifier: 'none',
});

/** The stored shape's version; bump it and add a migration to SETTINGS_MIGRATIONS when the shape changes. */
export const SETTINGS_VERSION = 2;

/**
 * The normalised origin of an http(s) URL or origin string, or null. Only http and https
 * sites can be allowed; the foundation's own site needs no allowing.
 */
export function normalizeOrigin(raw: string): string | null {
  const url = parseWebUrl(raw);
  if (!url) return null;
  if (url.username || url.password) return null;
  return url.origin;
}

const clamp = (n: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, Math.round(n)));
const FiniteNumber = v.pipe(v.number(), v.finite());

/** One schema per field, so a bad field falls back alone and the others are kept. */
/** The categories a list names, each once, in the glossary's order. */
const inCategoryOrder = (list: readonly unknown[]): Category[] => CATEGORIES.filter((c) => list.includes(c));

const FIELDS: { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> } = {
  script: v.picklist(SCRIPT_PREFERENCES),
  glossMode: v.picklist(GLOSS_MODES),
  glossLevel: v.picklist(GLOSS_LEVELS),
  glossCategories: v.pipe(v.array(v.unknown()), v.transform((list) => inCategoryOrder(list))),
  hoverDelayMs: v.pipe(FiniteNumber, v.transform((n) => clamp(n, HOVER_DELAY_MS))),
  cardFontSize: v.pipe(FiniteNumber, v.transform((n) => clamp(n, CARD_FONT_SIZE_PX))),
  theme: v.picklist(THEMES),
  allowedOrigins: v.pipe(
    v.array(v.unknown()),
    v.transform((list) => {
      const origins = new Set<string>();
      for (const item of list) {
        const origin = typeof item === 'string' && item.length <= 2000 ? normalizeOrigin(item) : null;
        if (origin) origins.add(origin);
      }
      return [...origins].slice(0, MAX_ALLOWED_ORIGINS);
    }),
  ),
  uiLanguage: v.picklist(UI_LANGUAGES),
  dictionary: v.boolean(),
  dictionaryModifier: v.picklist(DICTIONARY_MODIFIERS),
};

/** The settings a page's reader bar changes; a tab may send no other (see 'settings/update'). */
export type ReadingSettingsPatch = Partial<Pick<Settings, 'script' | 'glossMode' | 'glossLevel' | 'glossCategories'>>;

/** A tab's settings change at the background's door: only the reading fields, each valid. */
export const ReadingSettingsPatchSchema = v.partial(
  v.strictObject({
    script: FIELDS.script,
    glossMode: FIELDS.glossMode,
    glossLevel: FIELDS.glossLevel,
    // A tab names real categories, each at most once; a longer or unknown list is refused at the door.
    glossCategories: v.pipe(v.array(v.picklist(CATEGORIES)), v.maxLength(CATEGORIES.length), v.transform((list) => inCategoryOrder(list))),
  }),
) satisfies v.GenericSchema<unknown, ReadingSettingsPatch>;

/**
 * Any value (a stored record, a partial update, junk) to complete, valid settings:
 * each field that is missing or invalid takes its default, every valid field is kept,
 * unknown fields are dropped. Numbers are clamped to their bounds.
 */
export function normalizeSettings(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = {} as Record<keyof Settings, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const parsed = key in source ? v.safeParse(FIELDS[key], source[key]) : null;
    const fallback = DEFAULT_SETTINGS[key];
    out[key] = parsed?.success ? parsed.output : Array.isArray(fallback) ? [...fallback] : fallback;
  }
  return out as Settings;
}

/** Settings with `patch` applied, normalised (so an invalid patch field changes nothing). */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next = normalizeSettings({ ...current, ...patch });
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    // A patch value that failed validation must not reset a good current value to the default.
    if (!v.safeParse(FIELDS[key], patch[key]).success) (next as unknown as Record<string, unknown>)[key] = current[key];
  }
  return next;
}

/** The UI's language: the reader's choice, or for 'auto' the browser's (`browser.i18n.getUILanguage()`). */
export function resolveLocale(settings: Pick<Settings, 'uiLanguage'>, browserLanguage: string | undefined): UiLocale {
  return settings.uiLanguage === 'auto' ? localeFromLanguage(browserLanguage) : settings.uiLanguage;
}

/**
 * The first stored shape (version 1): one on/off switch for glosses, `fontSize`, `language`,
 * `sites` as full URLs. Kept only so migrateSettingsV1 can read it.
 */
export interface SettingsV1 {
  script?: unknown;
  glosses?: unknown;
  hoverDelayMs?: unknown;
  fontSize?: unknown;
  theme?: unknown;
  sites?: unknown;
  language?: unknown;
}

/** Version 1 to version 2: glosses on means ruby for all terms; sites become origins. Never throws. */
export function migrateSettingsV1(old: unknown): Settings {
  const v1 = (typeof old === 'object' && old !== null ? old : {}) as SettingsV1;
  return normalizeSettings({
    script: v1.script,
    glossMode: v1.glosses === true ? 'ruby' : 'off',
    hoverDelayMs: v1.hoverDelayMs,
    cardFontSize: v1.fontSize,
    theme: v1.theme,
    allowedOrigins: Array.isArray(v1.sites) ? v1.sites : [],
    uiLanguage: v1.language,
  });
}

/** Each stored version's migration from the one before; both readers of storage apply them (stored-settings.ts). */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (old: unknown) => Settings>> = { 2: migrateSettingsV1 };

/** What the glossary card follows (utils/card/card-controller.ts CardSettings). */
export function cardSettingsOf(settings: Settings, browserLanguage: string | undefined) {
  return {
    locale: resolveLocale(settings, browserLanguage),
    hoverDelayMs: settings.hoverDelayMs,
    fontSizePx: settings.cardFontSize,
  };
}

/** What the dictionary cards follow (content/dictionary/dictionary-hover.ts DictionarySettings). */
export function dictionarySettingsOf(settings: Settings, browserLanguage: string | undefined) {
  return {
    enabled: settings.dictionary,
    modifier: settings.dictionaryModifier,
    ...cardSettingsOf(settings, browserLanguage),
  };
}
