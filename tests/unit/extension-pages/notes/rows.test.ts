import { describe, expect, it } from 'vitest';
import { buildRows, facets, filterHighlights, filterTerms, isFiltered } from '../../../../extension-pages/notes/rows';
import { ARTICLE, ARTICLE_EN, makeHighlight, makeTerm } from '../../records';

const older = makeHighlight({ created: '2024-05-01T08:00:00Z', tags: ['安全'] });
const newer = makeHighlight({ created: '2024-05-03T08:00:00+08:00', color: 'green', note: 'Ｆｕｌｌ-width note' });
const english = makeHighlight({
  articleUrl: ARTICLE_EN,
  articleTitle: 'Taiwan and the Indo-Pacific',
  lang: 'en',
  created: '2024-05-02T08:00:00Z',
  quote: { type: 'TextQuoteSelector', exact: 'deterrence by denial', prefix: '', suffix: '' },
  tags: ['strategy', '安全'],
});

describe('the notes list rows', () => {
  it('groups by article, the article with the newest highlight first, each newest first', () => {
    const rows = buildRows([older, english, newer], new Set());
    expect(rows.map((r) => (r.kind === 'highlight' ? r.highlight.id : r.kind))).toEqual(['article', newer.id, older.id, 'article', english.id]);
    expect(rows[0]).toMatchObject({ kind: 'article', url: ARTICLE, title: older.articleTitle, author: '王大明', date: '2024-04-30', count: 2 });
  });

  it('sorts by article title in reading order, or by colour, and collapses a group to its heading', () => {
    const byArticle = buildRows([older, english, newer], new Set(), 'article');
    expect(byArticle.map((r) => (r.kind === 'highlight' ? r.highlight.id : r.kind))).toEqual(['article', english.id, 'article', older.id, newer.id]);
    const byColour = buildRows([older, english, newer], new Set(), 'color');
    expect(byColour.map((r) => (r.kind === 'highlight' ? r.highlight.id : r.kind))).toEqual(['article', older.id, newer.id, 'article', english.id]);
    const collapsed = buildRows([older, english, newer], new Set(), 'newest', new Set([ARTICLE]));
    expect(collapsed.map((r) => (r.kind === 'highlight' ? r.highlight.id : r.kind))).toEqual(['article', 'article', english.id]);
    expect(collapsed[0]).toMatchObject({ collapsed: true, count: 2 });
  });

  it('puts highlights that no longer attach in their own section first', () => {
    const rows = buildRows([older, english, newer], new Set([older.id, 'gone']));
    expect(rows.map((r) => r.kind)).toEqual(['orphans', 'highlight', 'article', 'highlight', 'article', 'highlight']);
    expect(rows[0]).toMatchObject({ count: 1 });
    expect(rows[1]).toMatchObject({ highlight: { id: older.id }, orphan: true });
  });

  it('offers every tag and article in the filter menus', () => {
    expect(facets([older, english, newer])).toEqual({
      tags: ['strategy', '安全'],
      articles: [
        { url: ARTICLE, title: older.articleTitle },
        { url: ARTICLE_EN, title: 'Taiwan and the Indo-Pacific' },
      ],
    });
  });

  it('filters by words (width- and case-folded), colour, tag and article, all at once', () => {
    const all = [older, english, newer];
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ text: '  ' })).toBe(false);
    expect(filterHighlights(all, { text: 'full-WIDTH' }).map((h) => h.id)).toEqual([newer.id]);
    expect(filterHighlights(all, { color: 'green' }).map((h) => h.id)).toEqual([newer.id]);
    expect(filterHighlights(all, { tag: '安全' }).map((h) => h.id)).toEqual([older.id, english.id]);
    expect(filterHighlights(all, { tag: '安全', articleUrl: ARTICLE_EN, text: 'denial' }).map((h) => h.id)).toEqual([english.id]);
    expect(filterHighlights(all, { text: 'no such words' })).toEqual([]);
  });

  it('filters saved terms by article and words, ignoring colour and tag', () => {
    const here = makeTerm({ created: '2024-05-01T00:00:00Z' });
    const there = makeTerm({ articleUrl: ARTICLE_EN, trad: '嚇阻', simp: '吓阻', en: 'deterrence', created: '2024-05-02T00:00:00Z' });
    expect(filterTerms([here, there], {}).map((t) => t.id)).toEqual([there.id, here.id]);
    expect(filterTerms([here, there], { articleUrl: ARTICLE, color: 'blue', tag: 'x' }).map((t) => t.id)).toEqual([here.id]);
    expect(filterTerms([here, there], { text: 'DETERRENCE' }).map((t) => t.id)).toEqual([there.id]);
    expect(filterTerms([here, there], { text: '吓阻' }).map((t) => t.id)).toEqual([there.id]);
  });
});
