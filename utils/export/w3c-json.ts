import type { ArticleLang, Highlight, HighlightColor, SavedTerm } from '../highlights/types';
import { exportFilename, type ExportData, type ExportFile } from './export-file';

/**
 * The JSON export is a W3C Web Annotation collection and also the backup: what the model has no
 * place for (article details, saved terms) goes in properties of our own "pr:" vocabulary, so
 * other annotation tools read the annotations and Prospect Reader restores everything.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** An identifier for the "pr:" vocabulary; nothing is fetched from it. */
export const PR_VOCABULARY = 'https://prospect-reader.dev/ns#';
/** Raised when the backup's shape changes, so an older extension can refuse a newer file. */
export const BACKUP_SCHEMA_VERSION = 1;

/** Annotation ids are `urn:uuid:` IRIs; an id that is not a UUID still gets an IRI of its own. */
const UUID_URN = 'urn:uuid:';
const OTHER_ID_URN = 'urn:prospect-reader:id:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A highlight's colour as a CSS class, declared in the annotation's stylesheet (the model's place for styles). */
export const STYLE_CLASS_PREFIX = 'highlight-';
const SWATCHES: Record<HighlightColor, string> = {
  yellow: '#fff59d',
  green: '#c5e1a5',
  blue: '#90caf9',
  pink: '#f8bbd0',
  purple: '#d1c4e9',
};

export interface W3cExportOptions {
  exportedAt: Date;
  /** Makes UUIDs for the collection and its page. */
  newId: () => string;
}

export function exportW3cJson(data: ExportData, options: W3cExportOptions): ExportFile {
  const items = [...data.highlights].sort((a, b) => Date.parse(a.created) - Date.parse(b.created)).map(toAnnotation);
  const collection = {
    '@context': [ANNO_CONTEXT, { pr: PR_VOCABULARY }],
    id: `${UUID_URN}${options.newId()}`,
    type: 'AnnotationCollection',
    label: 'Prospect Reader highlights and saved terms',
    'pr:schemaVersion': BACKUP_SCHEMA_VERSION,
    'pr:exported': options.exportedAt.toISOString(),
    total: items.length,
    first: { id: `${UUID_URN}${options.newId()}`, type: 'AnnotationPage', startIndex: 0, items },
    'pr:savedTerms': data.savedTerms.map(toSavedTermJson),
  };
  return {
    filename: exportFilename('backup', 'json', options.exportedAt),
    mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    content: `${JSON.stringify(collection, null, 2)}\n`,
  };
}

export function toAnnotation(h: Highlight) {
  const language = noteLanguage(h.note, h.lang);
  const noteBody =
    h.note === ''
      ? []
      : [{ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain', ...(language ? { language } : {}) }];
  const tagBodies = h.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }));
  const body = [...noteBody, ...tagBodies];
  const styleClass = `${STYLE_CLASS_PREFIX}${h.color}`;
  return {
    id: idToIri(h.id),
    type: 'Annotation',
    motivation: h.note === '' ? 'highlighting' : 'commenting',
    created: h.created,
    modified: h.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: h.articleUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix },
        { type: 'TextPositionSelector', start: h.position.start, end: h.position.end },
        ...(h.pdfPage !== undefined ? [pdfPageSelector(h.pdfPage)] : []),
      ],
      styleClass,
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${SWATCHES[h.color]}; }` },
    'pr:title': h.articleTitle,
    ...(h.articleAuthor !== undefined ? { 'pr:author': h.articleAuthor } : {}),
    ...(h.articleDate !== undefined ? { 'pr:date': h.articleDate } : {}),
    'pr:lang': h.lang,
    ...(h.attachedToArticle !== undefined ? { 'pr:attachedTo': h.attachedToArticle } : {}),
  };
}

/** The PDF fragment identifiers of RFC 3778 name a page as `page=N` (what pdf.js and Hypothesis read). */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

function pdfPageSelector(page: number) {
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}` };
}

function toSavedTermJson(t: SavedTerm) {
  return {
    id: idToIri(t.id),
    type: 'pr:SavedTerm',
    'pr:termId': t.termId,
    'pr:trad': t.trad,
    'pr:simp': t.simp,
    'pr:pinyin': t.pinyin,
    'pr:en': t.en,
    'pr:explanation': t.explanation,
    'pr:sentence': t.sentence,
    'pr:source': t.articleUrl,
    'pr:title': t.articleTitle,
    created: t.created,
  };
}

function idToIri(id: string): string {
  return UUID.test(id) ? `${UUID_URN}${id}` : `${OTHER_ID_URN}${encodeURIComponent(id)}`;
}

/** The inverse of idToIri; undefined for an IRI it did not make. */
export function iriToId(iri: string): string | undefined {
  if (iri.startsWith(UUID_URN)) {
    const id = iri.slice(UUID_URN.length);
    return UUID.test(id) ? id : undefined;
  }
  if (!iri.startsWith(OTHER_ID_URN)) return undefined;
  try {
    return decodeURIComponent(iri.slice(OTHER_ID_URN.length));
  } catch {
    return undefined;
  }
}

/**
 * The note's language, stated only when the note is written in the article's script: a reader may
 * annotate in either language. A Chinese note may quote English names; an English note holds
 * Latin letters only. (The script is a hint, not proof: Latin is also French.)
 */
function noteLanguage(note: string, articleLang: ArticleLang): ArticleLang | undefined {
  if (articleLang === 'zh') {
    return /\p{Script=Han}/u.test(note) && !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(note)
      ? 'zh'
      : undefined;
  }
  // Letters of any script but Latin ([^\P{L}…] is "a letter, and not Latin").
  return /\p{Script=Latin}/u.test(note) && !/[^\P{L}\p{Script=Latin}]/u.test(note) ? 'en' : undefined;
}
