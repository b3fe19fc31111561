import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where a file runs decides what it may import (README, "How it is built"):
//   background/             the service worker (Firefox: event page); owns the database
//   content/                the article page, beside the page's own scripts
//   extension-pages/        the extension's own pages (notes desk, options, popup, side panel)
//   pdf-reader/             the PDF reader page: an extension page that reuses the article page's reading modules
//   utils/, components/common/  anywhere
const shared = { group: ['**/shared/**', '!**/components/common/**'], message: 'The project must not depend on the shared folder beside it.' };
// pdf.js is large: only the PDF reader page loads it.
const pdfjs = { group: ['pdfjs-dist', 'pdfjs-dist/**'], message: 'pdf.js is loaded only by the PDF reader page (pdf-reader/).' };
const rule = (...patterns) => ['error', { patterns: [shared, pdfjs, ...patterns] }];
const pdfReaderRule = (...patterns) => ['error', { patterns: [shared, ...patterns] }];
const dexie = { group: ['dexie'], message: 'Dexie belongs to the background, which owns the database.' };
const background = { group: ['**/background/**'], message: 'Only the background runs background code; send it a message.' };
const content = { group: ['**/content/**'], message: 'Article-page code runs beside web pages only.' };
const extensionPages = { group: ['**/extension-pages/**'], message: 'Extension-page code runs in the extension\'s own pages only.' };
// The storage library is the content script's largest optional dependency (its budget is 60 kB gzipped).
const storageLibrary = {
  group: ['wxt/utils/storage', '@wxt-dev/storage', '**/settings-storage', '**/personal-storage'],
  message: 'The article page reads storage.local through content/page-root/page-storage.ts and writes through the background.',
};
const pageStrings = { group: ['**/i18n/page-strings'], message: 'The extension pages\' strings stay out of the article page\'s script (use i18n/strings).' };

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.wxt/', 'node_modules/', 'demo-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Every DOM member ending in HTML parses or serialises markup; page text and notes never become markup.
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/HTML$/]', message: 'Build DOM with nodes; text stays text.' },
        { selector: 'JSXAttribute[name.name=/HTML$/]', message: 'Render text, never markup strings.' },
      ],
      'no-restricted-imports': rule(),
    },
  },
  {
    // Tests may read a fragment's markup to compare structure.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['utils/**', 'components/common/**'],
    rules: { 'no-restricted-imports': rule(dexie, background, content, extensionPages) },
  },
  {
    files: ['content/**', 'components/content/**', 'entrypoints/content/**'],
    rules: { 'no-restricted-imports': rule(dexie, background, extensionPages, pageStrings, storageLibrary) },
  },
  {
    // Extension pages read the database (liveQuery) in the extension's origin; every write is a message.
    files: ['extension-pages/**', 'components/extension-pages/**', 'entrypoints/{notes,options,popup,sidepanel}/**'],
    rules: { 'no-restricted-imports': rule(content) },
  },
  {
    // The PDF reader reads like an article page (content/) and, like it, writes only through messages.
    files: ['pdf-reader/**', 'components/pdf-reader/**', 'entrypoints/pdf-reader/**'],
    rules: { 'no-restricted-imports': pdfReaderRule(dexie, background, extensionPages) },
  },
  {
    files: ['background/**', 'entrypoints/background.ts'],
    rules: { 'no-restricted-imports': rule(content, extensionPages, { group: ['**/components/**'], message: 'The background renders nothing.' }) },
  },
);
