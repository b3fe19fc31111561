import { describe, expect, it, vi } from 'vitest';
import { readNotesHash, notesPageUrl } from '../../../../utils/messaging/notes-url';
import { downloadFile, makeExport, selectionFilename } from '../../../../extension-pages/notes/download';
import { recordedWipe } from '../../../../extension-pages/notes/integrity-notice';
import { formatTags, parseTags } from '../../../../extension-pages/notes/tags';
import { ARTICLE, makeHighlight, makeTerm } from '../../records';

describe('the tags field', () => {
  it('splits on ASCII and full-width commas, 、, semicolons and line breaks, dropping blanks and repeats', () => {
    expect(parseTags(' 外交， Korea、security;;\n外交 ,  ')).toEqual(['外交', 'Korea', 'security']);
    expect(parseTags('')).toEqual([]);
    expect(formatTags(['外交', 'Korea'])).toBe('外交, Korea');
  });

  it('keeps tags within the limits the background accepts', () => {
    expect(parseTags('x'.repeat(150))[0]).toHaveLength(100);
    expect(parseTags(Array.from({ length: 80 }, (_, i) => `t${i}`).join(','))).toHaveLength(50);
  });
});

describe('downloads', () => {
  it('names a filtered export as a selection', () => {
    expect(selectionFilename('prospect-reader-highlights-2024-05-01.md')).toBe('prospect-reader-highlights-selection-2024-05-01.md');
    const data = { highlights: [makeHighlight()], savedTerms: [makeTerm()] };
    const at = new Date('2024-05-01T12:00:00Z');
    const newId = () => '00000000-0000-4000-8000-000000000001';
    expect(makeExport('csv', data, { exportedAt: at, newId, selection: false }).filename).toBe('prospect-reader-highlights-2024-05-01.csv');
    expect(makeExport('json', data, { exportedAt: at, newId, selection: true }).filename).toBe('prospect-reader-backup-selection-2024-05-01.json');
    expect(makeExport('anki', data, { exportedAt: at, newId, selection: true }).filename).toBe('prospect-reader-vocabulary-selection-2024-05-01.txt');
    expect(makeExport('markdown-zip', data, { exportedAt: at, newId, selection: false }).content).toBeInstanceOf(Uint8Array);
  });

  it('hands the file to a temporary link with its name, then removes the link', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.getAttribute('href')}`);
    });
    downloadFile(document, { filename: 'notes.csv', mimeType: 'text/csv;charset=utf-8', content: '\uFEFFa,b' });
    expect(clicked).toEqual(['notes.csv blob:test']);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await created[0]!.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('the notes page address', () => {
  it('reads back the article and highlight it was opened on', () => {
    const url = notesPageUrl('chrome-extension://x/notes.html', { articleUrl: `${ARTICLE}?a=1&b=2`, highlightId: 'h 1' });
    expect(readNotesHash(new URL(url).hash)).toEqual({ articleUrl: `${ARTICLE}?a=1&b=2`, highlightId: 'h 1' });
    expect(readNotesHash('')).toEqual({});
    expect(readNotesHash('#article=javascript:alert(1)')).toEqual({});
  });
});

describe('the wipe notice', () => {
  it('shows only for a wipe recorded in the expected shape', () => {
    expect(recordedWipe({ status: 'wiped', reason: 'sentinel-replaced', detected: '2024-05-01T00:00:00Z' })).toBeDefined();
    expect(recordedWipe({ status: 'intact' })).toBeUndefined();
    expect(recordedWipe(undefined)).toBeUndefined();
    expect(recordedWipe('wiped')).toBeUndefined();
  });
});
