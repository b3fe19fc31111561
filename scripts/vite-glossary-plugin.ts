import type { Plugin } from 'vite';
import { compileGlossarySources, GLOSSARY_DIR } from './glossary-sources';
import { matchIndexOf } from '../utils/glossary/match-index';

const IDS = new Set(['virtual:glossary-index', 'virtual:glossary-match']);

/**
 * Compiles `glossary/*.yaml` into the ready index at build time, and the match index pages get
 * (utils/glossary/match-index.ts); a problem in the sources fails the build.
 */
export function glossaryPlugin(): Plugin {
  // Both modules come from one compile of the sources, made again when they change.
  let compiled: ReturnType<typeof compileGlossarySources> | undefined;
  return {
    name: 'prospect-reader-glossary',
    buildStart: () => void (compiled = undefined),
    watchChange: () => void (compiled = undefined),
    resolveId: (id) => (IDS.has(id) ? `\0${id}` : undefined),
    load(id) {
      const name = id.slice(1);
      if (!id.startsWith('\0') || !IDS.has(name)) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      compiled ??= compileGlossarySources();
      const { index, problems } = compiled;
      if (problems.length) {
        const list = problems.map((p) => `${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}`).join('\n');
        this.error(`The glossary has ${problems.length} problem(s); run npm run glossary:check\n${list}`);
      }
      return `export default ${JSON.stringify(name === 'virtual:glossary-match' ? matchIndexOf(index) : index)};`;
    },
  };
}
