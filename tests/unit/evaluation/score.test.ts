import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../utils/glossary/matcher';
import { createChineseTools } from '../../../scripts/glossary-sources';
import { readAnnotations, readReviewedSnapshot } from '../../../scripts/lib/evaluation-report';
import { ArticleSchema, parseAnnotation, type Article } from '../../../utils/evaluation/annotations';
import { recall, reviewedPrecision, sentencePrecision, trapsMarked, type ScoreTools } from '../../../utils/evaluation/score';
import { compileGlossary } from '../../../utils/glossary/compile';
import { SAMPLE } from '../glossary/sample-records';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const tools: ScoreTools = { entries: index.entries, match: createMatcher(index).match, toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) };

const article = (language: 'zh' | 'en', terms: Article['terms'], traps: Article['traps'] = []): Article => ({
  url: 'https://example.org/a',
  title: 't',
  published: '2025-01-01',
  language,
  subjects: [],
  terms,
  traps,
});

describe('recall', () => {
  it('counts a curated term as found only when a mark covers it with a right gloss, per language', () => {
    const result = recall(
      [
        {
          name: 'zh-page',
          article: article('zh', [
            { term: '洲際彈道飛彈', expect: ['ICBM', 'Intercontinental Ballistic'] },
            { term: '限韓令', expect: ['Hallyu'] },
            { term: '北韓', expect: ['South Korea'] },
            { term: '飛彈總局', expect: ['Missile Administration'] },
            { term: '談判', expect: ['talks'], curated: false },
          ]),
        },
        { name: 'en-page', article: article('en', [{ term: 'North Korea', expect: ['朝鮮'] }, { term: 'the DPRK', expect: ['北韓'] }]) },
      ],
      tools,
    );
    expect(result.byLanguage).toEqual({ zh: { right: 2, total: 4 }, en: { right: 2, total: 2 } });
    expect(result.dictionaryTerms).toBe(1);
    expect(result.missed.map((m) => [m.term, m.shown])).toEqual([
      ['北韓', ['korea-north']],
      ['飛彈總局', []],
    ]);
  });

  it('matches a term in its context when one is given', () => {
    const terms = [{ term: '北韓', context: '南北韓', expect: ['North Korea'] }];
    expect(recall([{ name: 'a', article: article('zh', terms) }], tools).byLanguage.zh).toEqual({ right: 0, total: 1 });
  });
});

describe('precision', () => {
  it('counts the marks a sentence expects, in any order, and lists the differences', () => {
    const result = sentencePrecision(
      [
        { text: '北韓試射洲際彈道飛彈。', marks: ['korea-north', 'icbm'] },
        { text: '南北韓與北約。', marks: ['nato', 'korea-north'] },
      ],
      tools,
    );
    expect(result).toEqual({ right: 3, total: 3, differences: [{ text: '南北韓與北約。', wrong: [], missing: ['korea-north'] }] });
  });

  it('counts a marked trap as a wrong mark', () => {
    const traps = [
      { context: '南北韓關係', term: '北韓', why: 'both Koreas' },
      { context: '北韓試射', term: '北韓', why: 'a trap that fails' },
    ];
    const result = trapsMarked([{ name: 'a', article: article('zh', [{ term: '北韓', expect: ['x'] }], traps) }], tools);
    expect(result).toEqual({ total: 2, marked: ['a: 北韓 in 「北韓試射」 (a trap that fails)'] });
  });

  it('compares the fixture pages\' marks with the reviewed snapshot as multisets', () => {
    expect(reviewedPrecision(['北韓 → a', '北韓 → a', 'x → b'], ['北韓 → a', 'x → b'])).toEqual({ right: 2, total: 3, unreviewed: ['北韓 → a'] });
  });
});

describe('reading the annotations', () => {
  it('names every broken or hand-edited file and still reads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evaluation-'));
    mkdirSync(join(dir, 'articles'));
    mkdirSync(join(dir, 'sentences'));
    writeFileSync(join(dir, 'articles', 'good.yaml'), 'url: https://e.org/1\ntitle: t\npublished: 2025-06-01\nlanguage: zh\nsubjects: []\nterms:\n  - term: 北韓\n    expect: [North Korea]\n');
    writeFileSync(join(dir, 'articles', 'broken.yaml'), 'url: [unclosed\n');
    writeFileSync(join(dir, 'articles', 'edited.yaml'), 'url: not an address\ntitle: t\npublished: 2025-13-01\nlanguage: fr\nsubjects: []\nterms: []\n');
    writeFileSync(join(dir, 'sentences', 'bad.yaml'), '- text: 北韓\n  marks: [North Korea]\n');
    const read = readAnnotations(dir);
    expect(read.articles.map((a) => a.name)).toEqual(['good']);
    expect(read.articles[0]!.article.published).toBe('2025-06-01');
    expect(read.problems).toEqual([
      expect.stringMatching(/^articles\/broken\.yaml: /),
      'articles/edited.yaml: url: url must be an address',
      'articles/edited.yaml: published: published must be a date, YYYY-MM-DD',
      'articles/edited.yaml: language: language must be zh or en',
      'articles/edited.yaml: terms: an article needs terms',
      expect.stringMatching(/^sentences\/bad\.yaml: 0\.marks\.0: /),
    ]);
  });

  it('accepts every annotation in the repository', () => {
    expect(readAnnotations().problems).toEqual([]);
    expect(parseAnnotation(ArticleSchema, {}).ok).toBe(false);
  });

  it('reads the reviewed marks of every fixture page from the snapshot', () => {
    const reviewed = readReviewedSnapshot();
    const seed = reviewed.get('the whole glossary > marks exactly the reviewed terms on /tw/pfch/34-12001.html 1');
    expect(seed?.length).toBeGreaterThan(50);
    expect(seed).toContain('洲際彈道飛彈 → icbm');
  });
});
