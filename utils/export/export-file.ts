import type { Highlight, SavedTerm } from '../highlights/types';

/** Everything the reader has saved: what every exporter takes. */
export interface ExportData {
  highlights: readonly Highlight[];
  savedTerms: readonly SavedTerm[];
}

/** One exporter's output, ready to hand to a download. */
export interface ExportFile<Content extends string | Uint8Array = string> {
  filename: string;
  mimeType: string;
  content: Content;
}

/** `prospect-reader-<what>-YYYY-MM-DD.<extension>`, dated in UTC so the same export is named the same anywhere. */
export function exportFilename(what: string, extension: string, exportedAt: Date): string {
  return `prospect-reader-${what}-${exportedAt.toISOString().slice(0, 10)}.${extension}`;
}
