import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { glossaryPlugin } from './scripts/vite-glossary-plugin';

export default defineConfig({
  // A separate output folder lets several builds (or test runs) work side by side.
  outDir: process.env.PROSPECT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact(), glossaryPlugin()] }),
  manifest: ({ browser }) => ({
    name: 'Prospect Reader',
    description:
      'A bilingual reading desk for Prospect Foundation (遠景基金會) articles: glossary cards, highlights and notes.',
    permissions: ['storage'],
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'prospect-reader@prospect-reader.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
