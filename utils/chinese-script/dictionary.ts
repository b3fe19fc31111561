import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';

/** t2s: Traditional to Simplified; s2t: Simplified to Traditional. */
export type ScriptDirection = 't2s' | 's2t';

/** Where each direction's dictionary lies in the built extension (see scripts/opencc-dictionaries.ts). */
export const SCRIPT_DICTIONARY_FILES: Readonly<Record<ScriptDirection, string>> = {
  t2s: 'opencc/t2s.json',
  s2t: 'opencc/s2t.json',
};

/** opencc-js dictionary groups, each dictionary in its "a b|c d" string form, applied in order. */
export interface DictionaryPayload {
  groups: string[][];
}

/** A converter from a payload file's text; a damaged file is refused with a clear error. */
export function converterFromPayload(text: string): ConverterFunction {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new Error('the script dictionary is damaged (not JSON); reinstall the extension');
  }
  const groups = (payload as Partial<DictionaryPayload> | null)?.groups;
  const valid =
    Array.isArray(groups) &&
    groups.length > 0 &&
    groups.every((g) => Array.isArray(g) && g.every((d) => typeof d === 'string' && d.includes(' ')));
  if (!valid) throw new Error('the script dictionary is damaged (unexpected shape); reinstall the extension');
  return ConverterFactory(...groups);
}

/**
 * Loads each direction's dictionary the first time it is asked for, once; a failed load
 * is forgotten so the next request tries again.
 */
export function createConverterLoader(readDictionary: (direction: ScriptDirection) => Promise<string>) {
  const loading = new Map<ScriptDirection, Promise<ConverterFunction>>();
  return (direction: ScriptDirection): Promise<ConverterFunction> => {
    let pending = loading.get(direction);
    if (!pending) {
      pending = readDictionary(direction).then(converterFromPayload);
      pending.catch(() => loading.delete(direction));
      loading.set(direction, pending);
    }
    return pending;
  };
}
