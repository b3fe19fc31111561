import type { ConverterFunction } from 'opencc-js/core';
import { isSkippedElement, TERM_TAG, textOutside } from '../marking/eligible-text';
import type { ScriptDirection } from '../../utils/chinese-script/dictionary';
import type { Script } from '../../utils/chinese-script/script';
export type { Script };


export interface PageScriptOptions {
  /** The article body (it may be replaced while the page lives). */
  getRoot: () => Element;
  /** The script the article was published in. */
  native: Script;
  loadConverter: (direction: ScriptDirection) => Promise<ConverterFunction>;
  /** Runs the text rewrite so the article observer does not take it for new page content. */
  quietly?: <T>(fn: () => T) => T;
}

export interface PageScript {
  readonly native: Script;
  /** The script the article is shown in now. */
  readonly shown: Script;
  /** Shows the article in `script`; resolves when it is shown (the dictionary may load first). */
  show(script: Script): Promise<void>;
  /** The other script: what a toggle goes to. */
  toggle(): Promise<void>;
}

/** Frequent characters whose Traditional and Simplified forms differ, in the same order. */
const TRADITIONAL_ONLY = '們個這來說為國會與後對時經過關實發開問還處從當點頭現種應們體東長門產電見動學樣進將';
const SIMPLIFIED_ONLY = '们个这来说为国会与后对时经过关实发开问还处从当点头现种应们体东长门产电见动学样进将';

/** Which script a Chinese text is written in, judged by its frequent script-specific characters. */
export function detectNativeScript(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL_ONLY.includes(char)) traditional++;
    else if (SIMPLIFIED_ONLY.includes(char)) simplified++;
  }
  return simplified > traditional ? 'simplified' : 'traditional';
}

/**
 * The text nodes of the article as a reader sees them, term marks and highlights included, in
 * document order; the page's code, forms and navigation and our own UI hosts are left out.
 */
export function collectScriptText(root: Element): Text[] {
  return textOutside(
    root,
    (el) => el.tagName.toUpperCase() !== TERM_TAG && isSkippedElement(el),
    () => true,
  );
}

/**
 * Converts `text` and guarantees the result has the same UTF-16 length, so offsets into the
 * converted text are offsets into the original (highlights anchor by offsets and a
 * length-preserving fold). A conversion that changes length falls back to one character at
 * a time, keeping any character whose conversion would change length.
 */
export function convertKeepingLength(text: string, convert: ConverterFunction): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const char of text) {
    const converted = convert(char);
    out += converted.length === char.length ? converted : char;
  }
  return out;
}

/**
 * The 繁/简 switch: rewrites the article's text node by node (`node.data`), so term marks,
 * highlights, links and every other element stay where they are. The text as published and as
 * shown are kept as two equal-length strings; going back reads each node's published text at the
 * same offset, so it is exact even after the marker or highlights have split or replaced nodes.
 */
export function createPageScript(options: PageScriptOptions): PageScript {
  const { native, getRoot, loadConverter } = options;
  const quietly = options.quietly ?? (<T>(fn: () => T) => fn());
  let shown: Script = native;
  /** What was published and what we wrote, same length; null while the page shows its own text. */
  let streams: { published: string; written: string; root: Element; lang: string | null } | null = null;
  let request = 0;

  function convertPage(convert: ConverterFunction, target: Script): void {
    const root = getRoot();
    const nodes = collectScriptText(root);
    const published = nodes.map((n) => n.data).join('');
    let written = convert(published);
    if (written.length !== published.length) {
      // Phrases across node edges changed length: convert node by node, each keeping its length.
      written = nodes.map((n) => convertKeepingLength(n.data, convert)).join('');
    }
    let at = 0;
    for (const node of nodes) {
      const next = written.slice(at, at + node.length);
      at += node.length;
      if (next !== node.data) node.data = next;
    }
    streams = { published, written, root, lang: root.getAttribute('lang') };
    // The right glyph shapes for the script (fonts pick Simplified or Traditional forms by language).
    root.setAttribute('lang', target === 'simplified' ? 'zh-Hans' : 'zh-Hant');
  }

  function restorePage(): void {
    if (!streams) return;
    const { published, written, root, lang } = streams;
    streams = null;
    if (lang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', lang);
    if (!root.isConnected) return;
    let at = 0;
    for (const node of collectScriptText(root)) {
      const text = node.data;
      let from = written.startsWith(text, at) ? at : -1;
      // The page removed text meanwhile: find this node's text further on (never for bare whitespace).
      if (from < 0 && /\S/.test(text)) from = written.indexOf(text, at);
      if (from < 0) continue; // the page's own new text: it was never converted
      const original = published.slice(from, from + text.length);
      if (original !== text) node.data = original;
      at = from + text.length;
    }
  }

  async function show(target: Script): Promise<void> {
    const mine = ++request;
    if (target === native) {
      quietly(restorePage);
      shown = native;
      return;
    }
    const convert = await loadConverter(native === 'traditional' ? 't2s' : 's2t');
    // A later request (a quick second click) wins.
    if (mine !== request) return;
    quietly(() => {
      restorePage();
      convertPage(convert, target);
    });
    shown = target;
  }

  return {
    native,
    get shown() {
      return shown;
    },
    show,
    toggle: () => show(shown === 'traditional' ? 'simplified' : 'traditional'),
  };
}
