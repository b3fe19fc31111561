import { exportAnki } from '../../utils/export/anki';
import { exportCsv } from '../../utils/export/csv';
import type { ExportData, ExportFile } from '../../utils/export/export-file';
import { exportMarkdown, exportMarkdownZip } from '../../utils/export/markdown';
import { exportW3cJson } from '../../utils/export/w3c-json';

export const EXPORT_KINDS = ['markdown', 'markdown-zip', 'json', 'csv', 'anki'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Runs one exporter; a filtered export is named as a selection so it is not mistaken for a full backup. */
export function makeExport(
  kind: ExportKind,
  data: ExportData,
  options: { exportedAt: Date; newId: () => string; selection: boolean },
): ExportFile<string | Uint8Array> {
  const file = runExporter(kind, data, options);
  return options.selection ? { ...file, filename: selectionFilename(file.filename) } : file;
}

function runExporter(kind: ExportKind, data: ExportData, options: { exportedAt: Date; newId: () => string }): ExportFile<string | Uint8Array> {
  switch (kind) {
    case 'markdown':
      return exportMarkdown(data, options.exportedAt);
    case 'markdown-zip':
      return exportMarkdownZip(data, options.exportedAt);
    case 'json':
      return exportW3cJson(data, options);
    case 'csv':
      return exportCsv(data, options.exportedAt);
    case 'anki':
      return exportAnki(data, options.exportedAt);
  }
}

/** `prospect-reader-highlights-2024-05-01.md` → `prospect-reader-highlights-selection-2024-05-01.md`. */
export function selectionFilename(filename: string): string {
  return filename.replace(/-(\d{4}-\d{2}-\d{2})\.([^.]+)$/, '-selection-$1.$2');
}

/**
 * Hands a file to the browser as a download: a Blob behind a temporary link, so no `downloads`
 * permission is needed. The object URL is released once the browser has had time to start.
 */
export function downloadFile(doc: Document, file: ExportFile<string | Uint8Array>): void {
  const win = doc.defaultView as Window & typeof globalThis;
  const content = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
  const url = win.URL.createObjectURL(new win.Blob([content], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
}
