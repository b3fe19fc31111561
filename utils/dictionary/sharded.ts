import { foldText } from '../glossary/fold';
import { DICTIONARY_INDEX_FILE, shardFile, shardOf } from './format';
import { createDictionary, type Dictionary } from './lookup';
import type { DictionaryMatch } from './types';

export interface ShardedDictionary {
  lookup(text: string): Promise<DictionaryMatch | null>;
}

/** Runs `load` the first time, then gives its promise; a failure is forgotten so the next call tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}

/**
 * The dictionary as the extension ships it (format.ts): the index is read on the first lookup and
 * each shard the first time a lookup starts with one of its characters, then kept in memory while
 * the background lives; no lookup waits for more than one small file.
 */
export function createShardedDictionary(readText: (path: string) => Promise<string>): ShardedDictionary {
  const index = once(async () => createDictionary(await readText(DICTIONARY_INDEX_FILE)));
  const shards = new Map<number, () => Promise<Dictionary>>();
  return {
    async lookup(text) {
      const { fold } = await index();
      const shard = shardOf(foldText(text.slice(0, 1), fold));
      let load = shards.get(shard);
      if (!load) shards.set(shard, (load = once(async () => createDictionary(await readText(shardFile(shard)), fold))));
      return (await load()).lookup(text);
    },
  };
}
