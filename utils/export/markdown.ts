import type { Highlight } from '../highlights/types';
import { groupByArticle, type ArticleGroup } from './articles';
import { exportFilename, type ExportData, type ExportFile } from './export-file';
import { highlightLink } from './text-fragment';
import { yamlString, yamlStringList } from './yaml';
import { createZip } from './zip';

/** All articles in one Markdown document, each section opening with its own YAML front matter. */
export function exportMarkdown(data: ExportData, exportedAt: Date): ExportFile {
  return {
    filename: exportFilename('highlights', 'md', exportedAt),
    mimeType: 'text/markdown;charset=utf-8',
    content: groupByArticle(data.highlights).map(articleMarkdown).join('\n'),
  };
}

/** One Markdown file per article (the layout Obsidian and Logseq vaults use), with unique, portable names. */
export function exportMarkdownFiles(data: ExportData): { filename: string; content: string }[] {
  const taken = new Set<string>();
  return groupByArticle(data.highlights).map((article) => ({
    filename: uniqueFilename(articleFilename(article), taken),
    content: articleMarkdown(article),
  }));
}

/** The per-article files in one zip archive. */
export function exportMarkdownZip(data: ExportData, exportedAt: Date): ExportFile<Uint8Array> {
  const encoder = new TextEncoder();
  const entries = exportMarkdownFiles(data).map((file) => ({
    name: file.filename,
    data: encoder.encode(file.content),
    modified: exportedAt,
  }));
  return {
    filename: exportFilename('highlights', 'zip', exportedAt),
    mimeType: 'application/zip',
    content: createZip(entries),
  };
}

/** One article: front matter, its title, then its highlights in reading order. */
export function articleMarkdown(article: ArticleGroup): string {
  const frontMatter = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.url)}`,
    ...(article.author !== undefined ? [`author: ${yamlString(article.author)}`] : []),
    ...(article.date !== undefined ? [`date: ${yamlString(article.date)}`] : []),
    `lang: ${yamlString(article.lang)}`,
    `tags: ${yamlStringList(article.tags)}`,
    '---',
  ];
  const heading = `# ${escapeMarkdown(oneLine(article.title))}`;
  const highlights = article.highlights.map(highlightMarkdown).join('\n\n* * *\n\n');
  return `${frontMatter.join('\n')}\n\n${heading}\n\n${highlights}\n`;
}

function highlightMarkdown(h: Highlight): string {
  const quote = lines(h.quote.exact)
    .map((line) => (line === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
  const note = h.note.trim() === '' ? [] : [`**Note:** ${lines(h.note).map(escapeMarkdown).join('\n')}`];
  const link = highlightLink(h);
  const details = [
    `Colour: ${h.color}`,
    ...(h.tags.length > 0 ? [`Tags: ${h.tags.map((tag) => escapeMarkdown(oneLine(tag))).join(', ')}`] : []),
    `Date: ${h.created}`,
    // Angle brackets let the link hold parentheses; passageUrl percent-encodes any '<', '>' or space.
    ...(link ? [`[Open the passage](<${link}>)`] : []),
  ].join(' · ');
  return [quote, ...note, details].join('\n\n');
}

// Windows line ends, and leading indentation that Markdown would read as a code block, are dropped.
function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, ''));
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Makes text display as itself: notes and quotes are plain text, so '<script>', '**', '[x](y)',
 * '# ', '- ', '1. ', '$math$' or '|' must not become markup, nor what note-taking apps read in
 * Markdown: Obsidian's '%%comments%%', '==highlights==', '^block-ids' and '[[wiki links]]',
 * Logseq's '{{macros}}' and 'key:: value' properties. CommonMark lets any ASCII punctuation be
 * escaped with a backslash, and both apps honour that.
 */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>#|~&$!%{}=^]/g, '\\$&')
    .replace(/::/g, '\\:\\:')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

// Characters Windows, macOS or Linux forbid in file names (those that separate words become
// spaces, the rest go), control and format characters (a right-to-left override could make
// "txt.exe" read as "exe.txt"), and the names Windows reserves.
const DROPPED_FROM_NAMES = /["*?<>\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const FORBIDDEN_IN_NAMES = /[\\/:|]/gu;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const NAME_MAX_CHARS = 80;

function articleFilename(article: ArticleGroup): string {
  const title = [...oneLine(article.title.toWellFormed().replace(/\s/gu, ' ').replace(DROPPED_FROM_NAMES, '').replace(FORBIDDEN_IN_NAMES, ' '))]
    .slice(0, NAME_MAX_CHARS)
    .join('')
    .replace(/[. ]+$/, '');
  const date = validDate(article.date);
  const base = [date, title || 'article'].filter(Boolean).join(' ');
  return RESERVED_NAMES.test(base) ? `_${base}` : base;
}

// The article's date as the page gave it goes into the name only when it is a real YYYY-MM-DD date.
function validDate(date: string | undefined): string | undefined {
  const parts = date === undefined ? null : ISO_DATE.exec(date);
  if (!parts) return undefined;
  const [, y, m, d] = parts.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? date : undefined;
}

// Zip tools and file systems may fold case, so "A.md" and "a.md" count as the same name.
function uniqueFilename(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base} (${n}).md`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
