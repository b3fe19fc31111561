import { describe, expect, it } from 'vitest';
import { compileGlossarySources } from '../../../scripts/glossary-sources';
import { articleMatches } from '../../../scripts/lib/glossary-report';
import { readFixture, SITE_PAGES } from '../../../scripts/lib/site-fixtures';
import { CATEGORIES } from '../../../utils/glossary/types';

const { index, problems } = compileGlossarySources();

describe('the whole glossary', () => {
  it('passes every check of the build', () => {
    expect(problems.map((p) => `${p.origin} ${p.message}`)).toEqual([]);
  });

  it('has at least 400 entries, every category well stocked', () => {
    expect(index.entries.length).toBeGreaterThanOrEqual(400);
    for (const category of CATEGORIES) {
      expect(index.entries.filter((e) => e.category === category).length, category).toBeGreaterThanOrEqual(30);
    }
  });

  it('covers the seed article\'s terms, with Mainland wording', () => {
    const byId = new Map(index.entries.map((e) => [e.id, e]));
    expect(byId.get('thaad')?.trad).toBe('薩德反導系統');
    expect(byId.get('icbm')?.mainland).toContain('洲际弹道导弹');
    expect(byId.get('donald-trump')?.mainland).toContain('特朗普');
    expect(byId.get('korean-peninsula')?.mainland).toContain('朝鲜半岛');
    expect(byId.get('north-korea')?.mainland).toContain('朝鲜');
  });

  /**
   * Every match in every fixture article, reviewed by a person: a change here is a change in what
   * readers see marked, and a false match found in the list is fixed in the glossary, not here.
   */
  for (const [path, file] of Object.entries(SITE_PAGES)) {
    it(`marks exactly the reviewed terms on ${path}`, () => {
      const matches = articleMatches(index, readFixture(file), `https://www.pf.org.tw${path}`);
      expect(matches.map(([text, id]) => `${text} → ${id}`)).toMatchSnapshot();
    });
  }

  it('gets the seed article\'s traps right', () => {
    const matches = articleMatches(index, readFixture('pf-tw-article-34-12001.html'), 'https://www.pf.org.tw/tw/pfch/34-12001.html');
    const pairs = matches.map(([text, id]) => `${text}=${id}`);
    expect(pairs).toContain('洲際彈道飛彈=icbm');
    expect(pairs).toContain('ICBMs=icbm');
    expect(pairs).toContain('彈道飛彈=ballistic-missile');
    expect(pairs).not.toContain('飛彈=missile');
    expect(pairs.some((p) => p.startsWith('現代='))).toBe(false);
    expect(pairs.filter((p) => p.startsWith('財團=')).length).toBe(1);
  });
});
