/**
 * The opencc-js dictionaries the script switch loads on demand, written out at build time as
 * extension files (see wxt.config.ts), so the content script carries only opencc's small core.
 */
import cnFrom from 'opencc-js/from/cn';
import twFrom from 'opencc-js/from/tw';
import cnTo from 'opencc-js/to/cn';
import twTo from 'opencc-js/to/tw';
import { SCRIPT_DICTIONARY_FILES, type DictionaryPayload, type ScriptDirection } from '../utils/chinese-script/dictionary';

type Groups = readonly (readonly unknown[])[];

function toPayload(...groups: Groups): DictionaryPayload {
  return {
    groups: groups.map((group) =>
      group.map((dict) => {
        if (typeof dict !== 'string') throw new Error('opencc-js dictionaries are expected as "a b|c d" strings');
        return dict;
      }),
    ),
  };
}

/**
 * Taiwan Traditional to Mainland Simplified (phrase-level, without swapping Taiwan wording
 * for Mainland wording, which would change what the author wrote), and back.
 */
export function dictionaryPayload(direction: ScriptDirection): DictionaryPayload {
  return direction === 't2s' ? toPayload(...twFrom, ...cnTo) : toPayload(...cnFrom, ...twTo);
}

/** The files as WXT's `build:publicAssets` hook takes them. */
export function dictionaryAssets(): { relativeDest: string; contents: string }[] {
  return (Object.keys(SCRIPT_DICTIONARY_FILES) as ScriptDirection[]).map((direction) => ({
    relativeDest: SCRIPT_DICTIONARY_FILES[direction],
    contents: JSON.stringify(dictionaryPayload(direction)),
  }));
}
