import { JSDOM } from 'jsdom';
import { gzipSync } from 'node:zlib';
import { compileGlossarySources } from '../glossary-sources';
import { createMatcher } from '../../utils/glossary/matcher';
import { CATEGORIES, REGIONS, type GlossaryIndex } from '../../utils/glossary/types';
import { detectArticle } from '../../content/detection/detect-article';
import { collectEligibleText } from '../../content/marking/eligible-text';
import { readFixture, SEED_ARTICLE_URL } from './site-fixtures';

/**
 * Every match the glossary makes in an article body, in order, as [text, entry id, category]; the
 * body's texts are matched in one pass as the content script does, and a shared form the text
 * around it does not decide shows every sense's id ("east-china-sea|sea-of-japan").
 */
export function articleMatches(index: GlossaryIndex, html: string, url: string): [string, string, string][] {
  const doc = new JSDOM(html, { url }).window.document;
  const article = detectArticle(doc, url);
  if (!article) return [];
  const texts = collectEligibleText(article.body).map((node) => node.data);
  const out: [string, string, string][] = [];
  createMatcher(index)
    .matchEach(texts)
    .forEach((matches, i) => {
      for (const m of matches) {
        const entry = index.entries[m.entry]!;
        const id = m.senses ? m.senses.map((s) => index.entries[s]!.id).join('|') : entry.id;
        out.push([texts[i]!.slice(m.start, m.end), id, entry.category ?? '']);
      }
    });
  return out;
}

const tally = <T extends string>(keys: readonly T[], values: T[]) =>
  keys.map((k) => `${k} ${values.filter((v) => v === k).length}`).join(', ');

/** Entries per category and region, the built index's size, and the seed article's matches by category. */
export function glossaryReport(): string {
  const { index, problems } = compileGlossarySources();
  const json = Buffer.from(JSON.stringify(index));
  const matches = articleMatches(index, readFixture('pf-tw-article-34-12001.html'), SEED_ARTICLE_URL);
  return [
    `Glossary: ${index.entries.length} entries, ${index.patterns.length} patterns, ${problems.length} problem(s)`,
    `  by category: ${tally(CATEGORIES, index.entries.flatMap((e) => e.category ?? []))}`,
    `  by region: ${tally(REGIONS, index.entries.map((e) => e.region))}`,
    `  built index: ${(json.length / 1024).toFixed(1)} kB, ${(gzipSync(json).length / 1024).toFixed(1)} kB gzipped`,
    `  seed article: ${matches.length} matches of ${new Set(matches.map((m) => m[1])).size} entries; by category: ` +
      tally(CATEGORIES, matches.map((m) => m[2] as (typeof CATEGORIES)[number])),
  ].join('\n');
}
