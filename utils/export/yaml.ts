// Characters a YAML double-quoted scalar cannot hold as they are: the quote and backslash, control
// characters (C0, DEL and C1, with NEL), the BOM, and Unicode line/paragraph separators, which
// YAML would read as line breaks.
const NEEDS_ESCAPE = /["\\\p{Cc}\u2028\u2029\ufeff]/gu;

const NAMED: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/**
 * Any string as a YAML double-quoted scalar. Always quoting means no value can turn into a number,
 * a date, a boolean, a comment or a mapping ("Taiwan: a view", "2024-05-01", "no", "# x").
 */
export function yamlString(value: string): string {
  // Lone surrogates cannot be written in UTF-8: U+FFFD stands in for them.
  const escaped = value.toWellFormed().replace(
    NEEDS_ESCAPE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/** A flow sequence of quoted strings: `["a", "b"]`. */
export function yamlStringList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}
