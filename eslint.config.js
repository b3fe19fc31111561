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
      // Every DOM member ending in HTML parses or serialises markup; page text and notes never become markup.
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/HTML$/]', message: 'Build DOM with nodes; text stays text.' },
        { selector: 'JSXAttribute[name.name=/HTML$/]', message: 'Render text, never markup strings.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/**'], message: 'The project must not depend on the shared folder beside it.' }] },
      ],
    },
  },
  {
    // Tests may read a fragment's markup to compare structure.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['entrypoints/content/**', 'utils/content/**', 'utils/marking/**', 'utils/card/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'The database lives in the background; use the message protocol.' }],
          patterns: [{ group: ['**/shared/**'], message: 'The project must not depend on the shared folder beside it.' }],
        },
      ],
    },
  },
);
