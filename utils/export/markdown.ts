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
 * '# ', '- ', '1. ', '$math$' or '|' must not become markup. CommonMark lets any ASCII
 * punctuation be escaped with a backslash.
 */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>#|~&$!]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

// Characters Windows, macOS or Linux forbid in file names (those that separate words become
// spaces, the rest go), and the names Windows reserves.
const DROPPED_FROM_NAMES = /["*?<>]/gu;
const FORBIDDEN_IN_NAMES = /[\\/:|\p{Cc}]/gu;
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const NAME_MAX_CHARS = 80;

function articleFilename(article: ArticleGroup): string {
  const title = [...oneLine(article.title.toWellFormed().replace(DROPPED_FROM_NAMES, '').replace(FORBIDDEN_IN_NAMES, ' '))]
    .slice(0, NAME_MAX_CHARS)
    .join('')
    .replace(/[. ]+$/, '');
  const date = article.date?.replace(DROPPED_FROM_NAMES, '').replace(FORBIDDEN_IN_NAMES, '-');
  const base = [date, title || 'article'].filter(Boolean).join(' ');
  return RESERVED_NAMES.test(base) ? `_${base}` : base;
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
