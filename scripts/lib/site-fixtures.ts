import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');

/** Fixture pages by the path they are served at on www.pf.org.tw. */
export const SITE_PAGES: Record<string, string> = {
  '/tw/pfch/34-12001.html': 'pf-tw-article-34-12001.html',
  '/tw/pfch/34-12002.html': 'pf-tw-article-drifted-34-12002.html',
  '/tw/pfch/34-12003.html': 'pf-tw-article-34-12003.html',
  '/tw/pfch/34-12004.html': 'pf-tw-article-34-12004.html',
  '/en/pfen/33-11788.html': 'pf-en-article-33-11788.html',
  '/en/pfen/33-11787.html': 'pf-en-article-33-11787.html',
  '/tw/pfch/34.html': 'pf-tw-listing-34.html',
  '/en/pfen/28.html': 'pf-en-page-28.html',
};

export const SEED_ARTICLE_URL = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
export const ENGLISH_ARTICLE_URL = 'https://www.pf.org.tw/en/pfen/33-11787.html';

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

/** The page served at a pf.org.tw URL (any host form, query or fragment), or null for a 404. */
export function fixtureFor(url: string, extra: Record<string, string> = {}): string | null {
  const { pathname } = new URL(url);
  if (pathname in extra) return extra[pathname]!;
  const file = SITE_PAGES[pathname];
  return file ? readFixture(file) : null;
}

/** The seed article's body repeated until the page holds at least a million characters of article text. */
export function bigPage(): { html: string; chars: number } {
  const seed = readFixture('pf-tw-article-34-12001.html');
  const match = seed.match(/(<section class="cp">\s*<div class="container">)([\s\S]*?)(<\/div>\s*<\/section>)/)!;
  const inner = match[2]!;
  const perCopy = inner.replace(/<[^>]+>/g, '').length;
  const copies = Math.ceil(1_000_000 / perCopy);
  return { html: seed.replace(inner, inner.repeat(copies)), chars: perCopy * copies };
}
