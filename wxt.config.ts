import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { glossaryAssets, glossaryPlugin } from './scripts/vite-glossary-plugin';
import { dictionaryAssets } from './scripts/opencc-dictionaries';
import { cedictAssets } from './scripts/cedict-compile';
import { FOUNDATION_MATCHES } from './utils/site/foundation';

export default defineConfig({
  // A separate output folder lets several builds (or test runs) work side by side.
  outDir: process.env.PROSPECT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact(), glossaryPlugin()] }),
  // The glossary, the 繁/简 dictionaries and CC-CEDICT as extension files, read by the background only
  // when asked for: the 繁/简 ones are sent to a tab by message (script/dictionary), CC-CEDICT is looked up there.
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...glossaryAssets(), ...dictionaryAssets(), ...cedictAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: 'Prospect Reader',
    description:
      'A bilingual reading desk for Prospect Foundation (遠景基金會) articles: glossary cards, highlights and notes.',
    // unlimitedStorage: highlights must never be evicted for space; contextMenus: "Highlight" on a selection.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab'],
    // The site the content script already runs on (so no new warning): lets the side panel see which article the active tab shows.
    host_permissions: FOUNDATION_MATCHES,
    // Other sites only when the reader turns the reader on there (utils/site/allow-site.ts): asked for at that moment.
    // downloads: only for the weekly automatic backup, asked for when the reader turns it on (options page).
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'downloads'] }
      : { optional_permissions: ['downloads'], optional_host_permissions: ['https://*/*'] }),
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text in the article',
      },
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Show the article in Simplified or Traditional Chinese',
      },
      'cycle-glosses': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Inline glosses: off, above the terms, after the terms',
      },
    },
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'prospect-reader@prospect-reader.dev',
              strict_min_version: '128.0',
              // Nothing leaves the browser: the extension collects no data.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
