import type { Plugin } from 'vite';
import { compileGlossarySources, GLOSSARY_DIR } from './glossary-sources';

const ID = 'virtual:glossary-index';
const RESOLVED = '\0' + ID;

/** Compiles `glossary/*.yaml` into the ready index at build time; a problem in the sources fails the build. */
export function glossaryPlugin(): Plugin {
  return {
    name: 'prospect-reader-glossary',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      const { index, problems } = compileGlossarySources();
      if (problems.length) {
        const list = problems.map((p) => `${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}`).join('\n');
        this.error(`The glossary has ${problems.length} problem(s); run npm run glossary:check\n${list}`);
      }
      return `export default ${JSON.stringify(index)};`;
    },
  };
}
