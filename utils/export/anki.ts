import type { SavedTerm } from '../highlights/types';
import { exportFilename, type ExportData, type ExportFile } from './export-file';
import { passageUrl } from './text-fragment';

export const ANKI_COLUMNS = ['Traditional', 'Simplified', 'Pinyin', 'English', 'Explanation', 'Sentence', 'Source'] as const;

// Headers Anki (2.1.55+) reads from the top of a text file; #html:true because the sentence
// marks the term in bold, so every field's own text must be HTML-escaped.
const HEADER = ['#separator:tab', '#html:true', `#columns:${ANKI_COLUMNS.join('\t')}`];

/**
 * Saved terms as an Anki notes file: one note per term (Anki matches notes by their first field,
 * so a term saved from several sentences is one note listing all of them).
 */
export function exportAnki(data: ExportData, exportedAt: Date): ExportFile {
  const byTerm = new Map<string, SavedTerm[]>();
  for (const term of [...data.savedTerms].sort((a, b) => Date.parse(a.created) - Date.parse(b.created))) {
    const list = byTerm.get(term.termId);
    if (list) list.push(term);
    else byTerm.set(term.termId, [term]);
  }
  const lines = [...byTerm.values()].map(noteLine);
  return {
    filename: exportFilename('vocabulary', 'txt', exportedAt),
    mimeType: 'text/tab-separated-values;charset=utf-8',
    content: [...HEADER, ...lines].map((line) => `${line}\n`).join(''),
  };
}

function noteLine(saved: SavedTerm[]): string {
  // The newest save has the freshest glossary wording.
  const term = saved[saved.length - 1] as SavedTerm;
  const sentences = unique(saved.map((s) => boldTerm(s.sentence, [s.trad, s.simp])));
  const sources = unique(saved.map((s) => field(`${s.articleTitle} ${passageUrl(s.articleUrl, quoteOf(s)) ?? s.articleUrl}`)));
  return [
    field(term.trad),
    field(term.simp),
    field(term.pinyin),
    field(term.en),
    field(term.explanation),
    sentences.join('<br>'),
    sources.join('<br>'),
  ].join('\t');
}

/** A field's text as HTML: escaped, its tabs and line breaks unable to split the row. */
export function field(text: string): string {
  return escapeHtml(text)
    .replace(/\t/g, ' ')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/^#/, '&#35;'); // a line starting with '#' would be read as a header
}

/** The sentence with every occurrence of the term (its traditional, else simplified, form) in <b>. */
export function boldTerm(sentence: string, forms: readonly string[]): string {
  const form = forms.find((f) => f !== '' && sentence.includes(f));
  if (form === undefined) return field(sentence);
  return sentence
    .split(form)
    .map(field)
    .join(`<b>${field(form)}</b>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The saved sentence is the best anchor a term has for a link back to where it was read.
function quoteOf(term: SavedTerm) {
  return { type: 'TextQuoteSelector' as const, exact: term.sentence, prefix: '', suffix: '' };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
