import type { Highlight } from '../highlights/types';
import { exportFilename, type ExportData, type ExportFile } from './export-file';

/** Readwise's import columns, then the two Readwise has no column for. */
export const CSV_HEADER = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date', 'Color', 'Tags'] as const;

const BOM = '\uFEFF'; // lets Excel read the file as UTF-8 rather than the system code page
const CRLF = '\r\n';

/** Highlights as RFC 4180 CSV in Readwise's layout, in article and reading order. */
export function exportCsv(data: ExportData, exportedAt: Date): ExportFile {
  const rows = [...data.highlights]
    .sort((a, b) => a.articleUrl.localeCompare(b.articleUrl) || a.position.start - b.position.start)
    .map(csvRow);
  return {
    filename: exportFilename('highlights', 'csv', exportedAt),
    mimeType: 'text/csv;charset=utf-8',
    content: BOM + [CSV_HEADER.join(','), ...rows].map((row) => `${row}${CRLF}`).join(''),
  };
}

function csvRow(h: Highlight): string {
  return [
    csvText(h.quote.exact),
    csvText(h.articleTitle),
    csvText(h.articleAuthor ?? ''),
    csvText(h.articleUrl),
    csvText(h.note),
    String(h.position.start),
    h.created,
    h.color,
    csvText(h.tags.join(', ')),
  ].join(',');
}

/**
 * Free text from the page or the reader: defused, then always quoted (RFC 4180, quotation marks
 * doubled). Quoting only fields that hold a comma is not enough: Excel in a locale whose list
 * separator is ';' splits an unquoted field at its semicolons, and the piece after one may start
 * with '=' and run as a formula.
 */
export function csvText(value: string): string {
  return `"${defuseFormula(value).replaceAll('"', '""')}"`;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR, which some strip first) as a
 * formula, e.g. a note "=HYPERLINK(…)" or a quote "-1+1". Such a field gets a leading apostrophe,
 * as OWASP advises: Excel and LibreOffice then show the text as typed (hiding the apostrophe),
 * while Readwise and plain-text readers see one extra character. Losing nothing to a formula is
 * worth that; the JSON backup keeps the text exactly. Only free text is treated: Location and
 * Date are numbers and timestamps made by the extension.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
