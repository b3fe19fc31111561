import { createDictionary, type Dictionary } from '../utils/dictionary/lookup';

/**
 * The dictionary in the background's memory: read and split the first time a lookup needs it
 * (the service worker may have just woken), kept while the worker lives. A failed read is
 * forgotten, so the next lookup tries again.
 */
export function createDictionaryLoader(readText: () => Promise<string>): () => Promise<Dictionary> {
  let loading: Promise<Dictionary> | null = null;
  return () => {
    if (!loading) {
      loading = readText().then(createDictionary);
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
}
