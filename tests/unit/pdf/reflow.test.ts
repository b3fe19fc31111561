import { describe, expect, it } from 'vitest';
import { pageAt, reflowPages } from '../../../utils/pdf/reflow';
import { joinText, linesOf, normalizePdfText, type PdfPageText, type PdfTextRun } from '../../../utils/pdf/text-lines';

const HEIGHT = 800;
const SIZE = 12;

/** A run at (x, top) on a page 800 units high, as pdf.js reports it (origin at the baseline, y up). */
function run(str: string, x: number, top: number, width = str.length * SIZE): PdfTextRun {
  return { str, transform: [SIZE, 0, 0, SIZE, x, HEIGHT - top - SIZE], width, height: SIZE, hasEOL: true };
}

/** Lines of body text 18 units apart from y = 100, each a run; the header and footer are added to every page. */
function page(n: number, lines: { text: string; indent?: number; width?: number }[], extra: PdfTextRun[] = []): PdfPageText {
  const runs = [
    run('遠景基金會　遠景論壇', 50, 20),
    ...lines.map((l, i) => run(l.text, 50 + (l.indent ?? 0), 100 + 18 * i, l.width ?? 480)),
    run(`- ${n} -`, 280, 770, 40),
    ...extra,
  ];
  return { page: n, width: 600, height: HEIGHT, runs };
}

describe('lines of a page', () => {
  it('joins runs on one baseline and splits at line ends', () => {
    const lines = linesOf({
      page: 1,
      width: 600,
      height: HEIGHT,
      runs: [
        { ...run('北韓', 50, 100, 24), hasEOL: false },
        { ...run('飛彈', 74, 100, 24), hasEOL: true },
        run('試射', 50, 118, 24),
      ],
    });
    expect(lines.map((l) => l.text)).toEqual(['北韓飛彈', '試射']);
  });
});

describe('joining broken text', () => {
  it('puts nothing between Chinese characters, a space between words, and heals a hyphenated word', () => {
    expect(joinText('美國在南韓部署', '薩德系統')).toBe('美國在南韓部署薩德系統');
    expect(joinText('the missile', 'defence')).toBe('the missile defence');
    expect(joinText('inter-', 'continental')).toBe('intercontinental');
    expect(joinText('THAAD', '系統')).toBe('THAAD系統');
  });

  it('reads the Kangxi radicals some CJK fonts print for ideographs as the ideographs, keeping offsets', () => {
    expect(normalizePdfText('韓中關係全\u2faf恢復，甚\u2f84發\u2f63，，')).toBe('韓中關係全面恢復，甚至發生，，');
  });
});

describe('reflowing a PDF', () => {
  const pages = [
    page(1, [
      { text: '　　美國在南韓部署', indent: 24 },
      { text: '薩德反導系統，引起中國' },
    ]),
    page(2, [{ text: '強烈反彈並實施限韓令。', width: 200 }, { text: '　　第二段從這裡開始。', indent: 24, width: 200 }]),
    page(3, [{ text: '第三頁的新段落。', indent: 24, width: 200 }]),
  ];

  it('drops the running header and the page numbers', () => {
    const text = reflowPages(pages).map((p) => p.text).join('\n');
    expect(text).not.toContain('遠景論壇');
    expect(text).not.toMatch(/- \d -/);
  });

  it('joins a sentence that runs across a page break into one paragraph', () => {
    const [first] = reflowPages(pages);
    expect(first!.text).toBe('美國在南韓部署薩德反導系統，引起中國強烈反彈並實施限韓令。');
    expect(first!.pageStarts).toEqual([
      { page: 1, offset: 0 },
      { page: 2, offset: '美國在南韓部署薩德反導系統，引起中國'.length },
    ]);
    expect(pageAt(first!, 2)).toBe(1);
    expect(pageAt(first!, first!.text.indexOf('限韓令'))).toBe(2);
  });

  it('starts a paragraph at an indent, after a short closing line, and on a page after a finished paragraph', () => {
    const paragraphs = reflowPages(pages);
    expect(paragraphs.map((p) => p.text)).toEqual([
      '美國在南韓部署薩德反導系統，引起中國強烈反彈並實施限韓令。',
      '第二段從這裡開始。',
      '第三頁的新段落。',
    ]);
    expect(paragraphs[2]!.pageStarts[0]!.page).toBe(3);
  });

  it('keeps a line in the margin that is not repeated and is not a page number', () => {
    const withNote = [page(1, [{ text: '正文第一行' }, { text: '正文。', width: 100 }], [run('註：僅此一頁。', 50, 750, 100)]), page(2, [{ text: '更多。', width: 100 }])];
    expect(reflowPages(withNote).map((p) => p.text)).toContain('註：僅此一頁。');
  });

  it('returns no paragraphs for pages without text (an image-only PDF)', () => {
    expect(reflowPages([{ page: 1, width: 600, height: HEIGHT, runs: [] }])).toEqual([]);
  });
});
