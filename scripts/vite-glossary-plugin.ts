import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossarySources, GLOSSARY_DIR } from './glossary-sources';
import { matchIndexOf } from '../utils/glossary/match-index';
import { GLOSSARY_INDEX_FILE, GLOSSARY_MATCH_FILE } from '../utils/glossary/glossary-files';
import type { CompileResult } from '../utils/glossary/compile';

const ID = 'virtual:glossary-index';

let cache: { key: string; compiled: CompileResult } | undefined;

/** One compile of the sources for every part of a build (each entrypoint group and the extension files), made again when they change. */
function compiledGlossary(): CompileResult {
  const hash = createHash('sha256');
  for (const file of readdirSync(GLOSSARY_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    hash.update(file).update(readFileSync(join(GLOSSARY_DIR, file)));
  }
  const key = hash.digest('hex');
  if (cache?.key !== key) cache = { key, compiled: compileGlossarySources() };
  const { compiled } = cache;
  if (compiled.problems.length) {
    const list = compiled.problems.map((p) => `${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}`).join('\n');
    throw new Error(`The glossary has ${compiled.problems.length} problem(s); run npm run glossary:check\n${list}`);
  }
  return compiled;
}

/**
 * Compiles `glossary/*.yaml` into the ready index at build time, for the extension pages that
 * import it (the options page); a problem in the sources fails the build.
 */
export function glossaryPlugin(): Plugin {
  return {
    name: 'prospect-reader-glossary',
    resolveId: (id) => (id === ID ? `\0${id}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      return `export default ${JSON.stringify(compiledGlossary().index)};`;
    },
  };
}

/** The index and the match index as extension files, for the background (see glossary-files.ts). */
export function glossaryAssets(): { relativeDest: string; contents: string }[] {
  const { index } = compiledGlossary();
  return [
    { relativeDest: GLOSSARY_INDEX_FILE, contents: JSON.stringify(index) },
    { relativeDest: GLOSSARY_MATCH_FILE, contents: JSON.stringify(matchIndexOf(index)) },
  ];
}
