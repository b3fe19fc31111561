import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.wxt/', 'node_modules/', 'demo-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with nodes; page text and notes are never markup.' },
        { property: 'outerHTML', message: 'Build DOM with nodes; page text and notes are never markup.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with nodes; page text and notes are never markup.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/**', '../shared/*'], message: 'The project must not depend on ../shared.' }] },
      ],
    },
  },
  {
    // Tests may read a fragment's markup to compare structure; they never write it.
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'insertAdjacentHTML', message: 'Build DOM with nodes in tests too.' },
      ],
    },
  },
  {
    files: ['entrypoints/content/**', 'utils/content/**', 'utils/marking/**', 'utils/card/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'The database lives in the background; use the message protocol.' }] },
      ],
    },
  },
);
