import { h } from 'preact';
import type { ConverterFunction } from 'opencc-js/core';
import { ReaderBar } from '../../components/content/ReaderBar';
import { mountUi } from '../ui/mount-ui';
import { ensurePageStyle } from '../ui/page-style';
import { applyGlosses, nextGlossMode } from '../inline-gloss/inline-gloss';
import type { GlossaryHolder } from '../page-root/glossary-holder';
import { tf, type UiLocale } from '../../utils/i18n/strings';
import type { ReaderCommand, ReaderStatus } from '../../utils/messaging/to-tab';
import type { ScriptDirection } from '../../utils/chinese-script/dictionary';
import { createPageScript, detectNativeScript, type PageScript, type Script } from '../chinese-script/page-script';
import type { ReadingSettingsPatch, Settings } from '../../utils/settings/settings';
import type { ArticlePage } from '../detection/detect-article';
import { clampBarPosition, countDrawnHighlights, type BarState } from './bar-state';
import { ELEMENT_ID, HOST } from '../../utils/dom-names';

export const BAR_HOST_TAG = HOST.readerBar;
const GLOSS_STYLE_ID = ELEMENT_ID.glossStyle;

export interface BilingualReadingOptions {
  doc: Document;
  reader: {
    readonly article: ArticlePage;
    /** Glosses follow it: details that arrive after marking, and a new glossary, are glossed at once. */
    glossary: Pick<GlossaryHolder, 'entries' | 'onChange'>;
    quietly<T>(fn: () => T): T;
    onChange(listener: () => void): () => void;
    /** Glosses are attributes of marks: a reader that draws its terms as ranges draws elements while they show. */
    marksAsElements?(needed: boolean): void;
  };
  locale: UiLocale;
  settings: {
    load(): Promise<Settings>;
    update(patch: ReadingSettingsPatch): Promise<Settings>;
    watch(onChange: (settings: Settings) => void): () => void;
  };
  barState: { load(): Promise<BarState>; save(state: BarState): Promise<void> };
  loadConverter: (direction: ScriptDirection) => Promise<ConverterFunction>;
  /** How many of this article's stored highlights did not attach on the last drawing. */
  notAttached: () => number;
  openNotes: () => Promise<unknown>;
  barCss: string;
  glossCss: string;
}

export interface BilingualReading {
  pageScript: PageScript | null;
  command(command: ReaderCommand): Promise<void>;
  status(): ReaderStatus;
  stop(): void;
}

/**
 * The reader's bilingual controls on one article: the 繁/简 switch, inline glosses at the chosen
 * reading level, and the reader bar that carries them. Choices are settings, so a change made
 * here, in the popup or in another tab applies everywhere and on the next article.
 */
export async function startBilingualReading(options: BilingualReadingOptions): Promise<BilingualReading> {
  const { doc, reader, locale } = options;
  const win = doc.defaultView!;
  const entries = reader.glossary.entries;
  const body = () => reader.article.body;
  const pageScript =
    reader.article.lang === 'zh'
      ? createPageScript({
          getRoot: body,
          native: detectNativeScript(body().textContent ?? ''),
          loadConverter: options.loadConverter,
          quietly: (fn) => reader.quietly(fn),
        })
      : null;

  let settings = await options.settings.load();
  let bar = await options.barState.load();
  let busy = false;
  let message: string | null = null;
  const drawnHighlights = () => countDrawnHighlights(body());

  const removeGlossStyle = ensurePageStyle(doc, GLOSS_STYLE_ID, options.glossCss);
  const ui = mountUi(doc, { tag: BAR_HOST_TAG, css: options.barCss });

  function wantedScript(): Script | null {
    if (!pageScript) return null;
    return settings.script === 'original' ? pageScript.native : settings.script;
  }

  async function applyScript(): Promise<void> {
    const target = wantedScript();
    if (!pageScript || !target || target === pageScript.shown) return;
    busy = true;
    message = null;
    draw();
    try {
      await pageScript.show(target);
    } catch (error) {
      message = tf(locale, 'bar.scriptFailed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      busy = false;
      glosses();
      draw();
    }
  }

  function glosses(): void {
    reader.marksAsElements?.(settings.glossMode !== 'off');
    const script = pageScript?.shown ?? (settings.script === 'simplified' ? 'simplified' : 'traditional');
    applyGlosses(
      { root: body(), entries, pageLang: reader.article.lang, script },
      { mode: settings.glossMode, level: settings.glossLevel, categories: settings.glossCategories },
    );
  }

  function draw(): void {
    const drawn = drawnHighlights();
    ui.render(
      h(ReaderBar, {
        locale,
        scriptAvailable: !!pageScript,
        shown: pageScript?.shown ?? null,
        busy,
        glossMode: settings.glossMode,
        glossLevel: settings.glossLevel,
        glossCategories: settings.glossCategories,
        collapsed: bar.collapsed,
        position: bar.position,
        highlights: { drawn, notAttached: options.notAttached() },
        message,
        onScript: (script) => void change({ script }),
        onGlossMode: (glossMode) => void change({ glossMode }),
        onGlossLevel: (glossLevel) => void change({ glossLevel }),
        onGlossCategories: (glossCategories) => void change({ glossCategories }),
        onCollapse: (collapsed) => {
          bar = { ...bar, collapsed };
          draw();
          void options.barState.save(bar);
        },
        onMove: (position, done) => {
          bar = { ...bar, position: clampToWindow(position) };
          draw();
          if (done) void options.barState.save(bar);
        },
        onOpenNotes: () => void options.openNotes(),
      }),
    );
  }

  function clampToWindow(position: { x: number; y: number }) {
    const rect = (ui.current()?.mount.firstElementChild as HTMLElement | null)?.getBoundingClientRect();
    return clampBarPosition(
      position,
      { width: rect?.width ?? 0, height: rect?.height ?? 0 },
      { width: win.innerWidth, height: win.innerHeight },
    );
  }

  /** Applies settings here at once, then stores them (every other tab follows through the watch). */
  async function change(patch: ReadingSettingsPatch): Promise<void> {
    settings = { ...settings, ...patch };
    glosses();
    draw();
    await applyScript();
    settings = await options.settings.update(patch);
  }

  // Marks that arrive later and highlights drawn or removed change what the bar counts and what is
  // glossed. The reader says so: a second observer of the article would pay for every record of a storm.
  let pendingRefresh = 0;
  const unwatchChanges = reader.onChange(() => {
    win.clearTimeout(pendingRefresh);
    pendingRefresh = win.setTimeout(() => {
      if (settings.glossMode !== 'off') glosses();
      draw();
    }, 150);
  });
  const unwatchSettings = options.settings.watch((next) => {
    settings = next;
    glosses();
    draw();
    void applyScript();
  });
  const unwatchGlossary = reader.glossary.onChange(() => {
    if (settings.glossMode !== 'off') glosses();
  });
  const onResize = () => {
    if (bar.position) bar = { ...bar, position: clampToWindow(bar.position) };
    draw();
  };
  win.addEventListener('resize', onResize);

  glosses();
  draw();
  await applyScript();

  return {
    pageScript,
    async command(command) {
      if (command === 'cycle-glosses') return change({ glossMode: nextGlossMode(settings.glossMode) });
      if (pageScript) return change({ script: pageScript.shown === 'traditional' ? 'simplified' : 'traditional' });
    },
    status() {
      const drawn = drawnHighlights();
      return {
        articleUrl: reader.article.canonicalUrl,
        lang: reader.article.lang,
        native: pageScript?.native ?? null,
        shown: pageScript?.shown ?? null,
        highlights: { drawn, notAttached: options.notAttached() },
      };
    },
    stop() {
      unwatchGlossary();
      unwatchChanges();
      win.removeEventListener('resize', onResize);
      win.clearTimeout(pendingRefresh);
      ui.destroy();
      removeGlossStyle();
      // Last: once the extension is gone, its storage API may throw.
      unwatchSettings();
    },
  };
}
