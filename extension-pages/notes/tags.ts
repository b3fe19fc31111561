/** The most tags one highlight carries, and the longest tag (the message protocol's limits). */
const MAX_TAGS = 50;
const MAX_TAG_CHARS = 100;

/**
 * The tags typed in the tags field: separated by commas (ASCII or full-width), the enumeration
 * comma 、, semicolons or line breaks; trimmed, blanks and repeats dropped, cut to the limits.
 */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,，、;；\n]/u)
    .map((tag) => [...tag.trim()].slice(0, MAX_TAG_CHARS).join('').trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
