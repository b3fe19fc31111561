import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { escapeMarkdown, exportMarkdown, exportMarkdownFiles, exportMarkdownZip } from '../../../utils/export/markdown';
import { yamlString } from '../../../utils/export/yaml';
import { readZip } from './read-zip';
import { ARTICLE, ARTICLE_EN, bareHighlight, hostileHighlight, makeHighlight } from '../records';

const AT = new Date('2024-06-01T09:00:00Z');

/** Splits a document made of sections that each open with front matter. */
function sections(markdown: string): { meta: Record<string, unknown>; body: string }[] {
  const parts = markdown.split(/^---\n([\s\S]*?)\n---\n/m).slice(1);
  const out: { meta: Record<string, unknown>; body: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push({ meta: parseYaml(parts[i] as string) as Record<string, unknown>, body: parts[i + 1] as string });
  return out;
}

describe('yamlString', () => {
  it.each([
    'Taiwan: a view',
    '"quoted" and \\ backslash',
    'line one\nline two\r\nthree',
    '2024-05-01',
    'no',
    '# not a comment',
    '- not a list',
    '🇹🇼 台灣 emoji',
    'tab\there',
    'nel\u0085 ls\u2028 ps\u2029 bom\ufeff nul\u0000 bell\u0007 del\u007f',
    '',
    '   padded   ',
  ])('writes %j so that YAML reads it back as the same string', (value) => {
    expect(parseYaml(`v: ${yamlString(value)}`)).toEqual({ v: value });
  });
});

describe('escapeMarkdown', () => {
  it('keeps markup, HTML and list or heading starts as text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('**bold** _x_ [a](b) `c` $m$ a|b ~s~ &amp; !')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\[a\\](b) \\`c\\` \\$m\\$ a\\|b \\~s\\~ \\&amp; \\!',
    );
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('2024) item')).toBe('2024\\) item');
    expect(escapeMarkdown('台灣 🇹🇼')).toBe('台灣 🇹🇼');
  });

  it('keeps what Obsidian and Logseq interpret as text', () => {
    expect(escapeMarkdown('%%hidden%% ==marked== ^block')).toBe('\\%\\%hidden\\%\\% \\=\\=marked\\=\\= \\^block');
    expect(escapeMarkdown('{{embed [[Page]]}}')).toBe('\\{\\{embed \\[\\[Page\\]\\]\\}\\}');
    expect(escapeMarkdown('status:: done')).toBe('status\\:\\: done');
    expect(escapeMarkdown('時間：下午 3:30')).toBe('時間：下午 3:30');
  });
});

describe('Markdown export', () => {
  const plain = makeHighlight({ note: '值得注意', tags: ['security'], created: '2024-05-01T08:31:00.000Z' });
  const hostile = hostileHighlight();
  const bare = bareHighlight({ articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12002.html', created: '2024-04-01T00:00:00Z' });

  it('writes one section per article, each with front matter that YAML reads back exactly', () => {
    const file = exportMarkdown({ highlights: [plain, hostile, bare], savedTerms: [] }, AT);
    expect(file.filename).toBe('prospect-reader-highlights-2024-06-01.md');
    expect(file.mimeType).toMatch(/^text\/markdown/);
    const found = sections(file.content);
    expect(found.map((s) => s.meta.url)).toEqual([ARTICLE_EN, ARTICLE, bare.articleUrl]); // most recent first
    expect(found[0]?.meta).toEqual({
      title: hostile.articleTitle,
      url: ARTICLE_EN,
      author: hostile.articleAuthor,
      date: '2024-03-09',
      lang: 'en',
      tags: hostile.tags,
    });
    expect(found[1]?.meta).toEqual({ title: plain.articleTitle, url: ARTICLE, author: '王大明', date: '2024-04-30', lang: 'zh', tags: ['security'] });
    // Unknown author and date are left out, not written as empty or "undefined".
    expect(found[2]?.meta).toEqual({ title: bare.articleTitle, url: bare.articleUrl, lang: 'zh', tags: [] });
  });

  it('quotes every line of a multi-line passage and keeps its blank lines', () => {
    const body = sections(exportMarkdown({ highlights: [hostile], savedTerms: [] }, AT).content)[0]?.body ?? '';
    expect(body).toContain(
      [
        '> First line, with a comma',
        '> \\- a "quoted" dash-line\twith a tab',
        '>',
        '> \\=SUM(A1) \\& \\<b\\>bold\\</b\\> 😀',
      ].join('\n'),
    );
  });

  it('writes the note as text, never as markup or HTML', () => {
    const body = sections(exportMarkdown({ highlights: [hostile], savedTerms: [] }, AT).content)[0]?.body ?? '';
    expect(body).toContain('**Note:** \\=HYPERLINK("http://evil.example") \\<script\\>alert(1)\\</script\\>\n\\# not a heading\n');
    expect(body).toContain('\\*\\*not bold\\*\\* \\[x\\](javascript:alert(1)) 注釋 ملاحظة 😀');
    expect(body).not.toMatch(/<script>/);
    expect(body).not.toMatch(/[^\\]\]\(javascript:/); // only an unescaped ']' could end a link's text
  });

  it('gives colour, tags, date and a text-fragment link back to the passage', () => {
    const body = sections(exportMarkdown({ highlights: [plain], savedTerms: [] }, AT).content)[0]?.body ?? '';
    expect(body).toContain('# 印太戰略下的台灣角色');
    expect(body).toContain('> 區域安全架構');
    expect(body).toContain('**Note:** 值得注意');
    expect(body).toContain(
      'Colour: yellow · Tags: security · Date: 2024-05-01T08:31:00.000Z · [Open the passage](<https://www.pf.org.tw/tw/pfch/34-12001.html#:~:text=%E7%BE%8E%E5%9C%8B%E6%8C%81%E7%BA%8C%E5%BC%B7%E5%8C%96-,%E5%8D%80%E5%9F%9F%E5%AE%89%E5%85%A8%E6%9E%B6%E6%A7%8B,-%EF%BC%8C%E4%B8%A6%E8%88%87%E7%9B%9F%E5%8F%8B%E5%90%88%E4%BD%9C>)',
    );
  });

  it('has no link for an address that is not http(s)', () => {
    const content = exportMarkdown({ highlights: [makeHighlight({ articleUrl: 'javascript:alert(1)' })], savedTerms: [] }, AT).content;
    expect(content).not.toContain('Open the passage');
    expect(sections(content)[0]?.meta.url).toBe('javascript:alert(1)'); // kept as quoted text only
  });

  it('puts highlights in reading order within an article', () => {
    const second = makeHighlight({ quote: { type: 'TextQuoteSelector', exact: 'SECOND', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 900, end: 906 } });
    const first = makeHighlight({ quote: { type: 'TextQuoteSelector', exact: 'FIRST', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 10, end: 15 } });
    const content = exportMarkdown({ highlights: [second, first], savedTerms: [] }, AT).content;
    expect(content.indexOf('> FIRST')).toBeLessThan(content.indexOf('> SECOND'));
  });
});

describe('Markdown per article', () => {
  it('names files after the date and title, safely and uniquely', () => {
    const files = exportMarkdownFiles({
      highlights: [
        hostileHighlight(),
        makeHighlight({ articleUrl: `${ARTICLE}?a`, articleTitle: 'Same / Title?', articleDate: undefined, created: '2024-01-03T00:00:00Z' }),
        makeHighlight({ articleUrl: `${ARTICLE}?b`, articleTitle: 'same   title', articleDate: undefined, created: '2024-01-02T00:00:00Z' }),
        makeHighlight({ articleUrl: `${ARTICLE}?c`, articleTitle: 'CON', articleDate: undefined, created: '2024-01-01T00:00:00Z' }),
      ],
      savedTerms: [],
    });
    expect(files.map((f) => f.filename)).toEqual([
      '2024-03-09 Taiwan Deterrence, risk & the #1 question — 台灣 🇹🇼 Part 2.md',
      'Same Title.md',
      'same title (2).md',
      '_CON.md',
    ]);
    for (const f of files) expect(f.filename).not.toMatch(/[\\/:*?"<>|\p{Cc}]/u);
  });

  it('puts only a real date in a name, and drops control and direction characters', () => {
    const files = exportMarkdownFiles({
      highlights: [
        makeHighlight({ articleUrl: `${ARTICLE}?a`, articleTitle: 'Report\u202Etxt.exe', articleDate: '2024-02-30' }),
        makeHighlight({ articleUrl: `${ARTICLE}?b`, articleTitle: 'Bell\u0007 and\u0000 null', articleDate: '../../etc' }),
        makeHighlight({ articleUrl: `${ARTICLE}?c`, articleTitle: 'Dated', articleDate: '2024-02-29' }),
      ],
      savedTerms: [],
    });
    expect(files.map((f) => f.filename).sort()).toEqual(['2024-02-29 Dated.md', 'Bell and null.md', 'Reporttxt.exe.md']);
  });

  it('zips the per-article files as a valid archive whose entries hold the Markdown', () => {
    const data = { highlights: [makeHighlight(), hostileHighlight()], savedTerms: [] };
    const zip = exportMarkdownZip(data, AT);
    expect(zip.filename).toBe('prospect-reader-highlights-2024-06-01.zip');
    const entries = readZip(zip.content);
    const expected = exportMarkdownFiles(data);
    expect(entries.map((e) => e.name)).toEqual(expected.map((f) => f.filename));
    expect(entries.map((e) => new TextDecoder().decode(e.data))).toEqual(expected.map((f) => f.content));
  });
});
