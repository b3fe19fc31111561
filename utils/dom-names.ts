/**
 * Every name the extension adds to a page: element tags, attributes, host tags, element ids and
 * CSS Custom Highlight names. Marking, teardown, detection and the tests must agree on them, so
 * they are spelled here once. Tags are lower case, as `createElement` and selectors take them.
 */

/** Elements wrapped around article text. */
export const TAG = {
  term: 'pr-term',
  highlight: 'pr-highlight',
} as const;

/** Every host of our shadow-root UI starts with this; such hosts are never marked or selected from. */
export const HOST_PREFIX = 'prospect-reader-';

/** The custom elements that hold each in-page UI in a closed shadow root. */
export const HOST = {
  termCard: `${HOST_PREFIX}card`,
  /** The underlines of the reader's own entries, drawn where the page cannot read them. */
  underlines: `${HOST_PREFIX}underlines`,
  dictionary: `${HOST_PREFIX}dictionary`,
  highlights: `${HOST_PREFIX}highlights`,
  readerBar: `${HOST_PREFIX}bar`,
  pdfLink: `${HOST_PREFIX}pdf-link`,
} as const;

/** Ids inside our shadow roots (aria-controls targets) and of the styles we add to the page's head. */
export const ELEMENT_ID = {
  termCard: `${HOST_PREFIX}term-card`,
  dictionaryCard: `${HOST_PREFIX}dictionary-card`,
  highlightCard: `${HOST_PREFIX}highlight-card`,
  markStyle: `${HOST_PREFIX}mark-style`,
  glossStyle: `${HOST_PREFIX}gloss-style`,
} as const;

/** Attributes set on page elements (marks, highlights, hosts). */
export const ATTR = {
  termId: 'data-term-id',
  termSenses: 'data-term-senses',
  highlightId: 'data-highlight-id',
  color: 'data-color',
  unsaved: 'data-unsaved',
  gloss: 'data-pr-gloss',
  glossMode: 'data-pr-gloss-mode',
  cursor: 'data-pr-cursor',
  theme: 'data-theme',
} as const;

/** Names registered in `CSS.highlights`. */
export const CSS_HIGHLIGHT = {
  lookup: `${HOST_PREFIX}lookup`,
  /** Term ranges registered as CSS highlights (the bench's measure of that design) take names with this prefix. */
  termPrefix: `${HOST_PREFIX}term`,
} as const;
