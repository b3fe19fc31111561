import { normalizeTags } from '../../utils/highlights/normalize';
import { MAX_TAGS } from '../../utils/highlights/schema';

/**
 * The tags typed in the tags field: separated by commas (ASCII or full-width), the enumeration
 * comma 、, semicolons or line breaks; normalised as stored, at most as many as a highlight holds.
 */
export function parseTags(text: string): string[] {
  return normalizeTags(text.split(/[,，、;；\n]/u)).slice(0, MAX_TAGS);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
