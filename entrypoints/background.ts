import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GLOSSARY_INDEX_FILE, GLOSSARY_MATCH_FILE } from '../utils/glossary/glossary-files';
import { loadPersonalGlossary } from '../utils/glossary/personal-storage';
import { loadSettings, updateSettings } from '../utils/settings/settings-storage';
import { enableOnTab, READ_HERE_MENU_ID, syncRegisteredScripts } from '../utils/site/allow-site';
import { FOUNDATION_MATCHES } from '../utils/site/foundation';
import { ProspectDb } from '../background/db/database';
import { createRateLimit } from '../background/rate-limit';
import { createRequestHandler } from '../background/request-handler';
import { createBackgroundHandlers } from '../background/services';
import { createGlossaryService } from '../background/glossary-service';
import { createShardedDictionary } from '../utils/dictionary/sharded';
import { gunzipText } from '../utils/dictionary/gunzip';
import { HIGHLIGHTS_CHANGED_KEY, type HighlightsChanged } from '../utils/messaging/highlights-changed';
import { notesPageUrl } from '../utils/messaging/notes-url';
import { PDF_LINK_MENU_ID, PDF_LINK_PATTERNS, pdfReaderUrl } from '../utils/messaging/pdf-reader-url';
import { canonicalArticleUrl } from '../utils/site/article-url';
import { runIntegrityCheck } from '../background/db/integrity-status';
import { purgeExpired } from '../background/db/trash-store';
import { runAutoBackup } from '../background/auto-backup';
import { localeFromLanguage, t } from '../utils/i18n/page-strings';
import { forwardHighlight, forwardReaderCommand, HIGHLIGHT_COMMAND, HIGHLIGHT_MENU_ID, isReaderCommand } from '../utils/messaging/to-tab';

// Chrome's service worker has no object URLs: there the file travels as a data: URL.
function downloadUrl(content: string, mimeType: string): string {
  if (typeof URL.createObjectURL === 'function') return URL.createObjectURL(new Blob([content], { type: mimeType }));
  return `data:${mimeType.split(';')[0]};charset=utf-8,${encodeURIComponent(content)}`;
}

export default defineBackground(() => {
  const db = new ProspectDb();
  const readExtensionFile = async (path: string) => {
    const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
    if (!response.ok || !response.body) throw new Error(`${path} did not load (${response.status})`);
    return response;
  };
  // Tabs a content script may ask for (All notes, Read in Prospect Reader); a reader never needs more.
  const allowNotesTab = createRateLimit({ max: 3, windowMs: 10_000 });
  const autoBackup = async () => {
    const granted = await browser.permissions.contains({ permissions: ['downloads'] });
    await runAutoBackup({
      db,
      storage: browser.storage.local,
      download: granted
        ? async (file) => {
            await browser.downloads.download({ url: downloadUrl(file.content, file.mimeType), filename: file.filename, saveAs: false, conflictAction: 'uniquify' });
          }
        : null,
    });
  };
  const backupSoon = () => void autoBackup().catch((error: unknown) => console.error('Prospect Reader: the weekly backup failed', error));
  const handlers = createBackgroundHandlers({
    db,
    glossary: createGlossaryService({
      // Files of the extension's own, made at build time: read when first needed, not on every wake.
      loadBuiltIn: async () => (await readExtensionFile(GLOSSARY_INDEX_FILE)).json(),
      loadBuiltInMatch: async () => (await readExtensionFile(GLOSSARY_MATCH_FILE)).json(),
      loadPersonal: loadPersonalGlossary,
    }),
    announce: async (articleUrls, origin) => {
      const change: HighlightsChanged = { articleUrls, origin, serial: crypto.randomUUID() };
      await browser.storage.local.set({ [HIGHLIGHTS_CHANGED_KEY]: change });
      backupSoon();
    },
    openNotes: async (target) => {
      if (!allowNotesTab()) throw new Error('Too many notes tabs opened at once; wait a moment.');
      await browser.tabs.create({ url: notesPageUrl(browser.runtime.getURL('/notes.html' as '/'), target) });
    },
    openPdf: async (target) => {
      if (!allowNotesTab()) throw new Error('Too many tabs opened at once; wait a moment.');
      await browser.tabs.create({ url: pdfReaderUrl(browser.runtime.getURL('/pdf-reader.html' as '/'), target) });
    },
    readExtensionFile: async (path) => (await readExtensionFile(path)).text(),
    updateSettings,
    dictionary: createShardedDictionary(async (path) => gunzipText((await readExtensionFile(path)).body!)),
  });
  // Firefox forgets registered content scripts on restart: register the reader's other sites again.
  void loadSettings()
    .then((settings) => syncRegisteredScripts(browser, settings.allowedOrigins))
    .catch((error: unknown) => console.error('Prospect Reader: could not register the other sites', error));
  backupSoon();
  void purgeExpired(db).catch((error: unknown) => console.error('Prospect Reader: could not empty "Recently deleted"', error));
  void runIntegrityCheck(db, browser.storage.local).catch((error: unknown) => {
    console.error('Prospect Reader: could not check the database', error);
  });

  const sendToTab = (tabId: number, message: unknown) => browser.tabs.sendMessage(tabId, message);
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: HIGHLIGHT_MENU_ID,
        title: t(localeFromLanguage(browser.i18n.getUILanguage()), 'highlight.action'),
        contexts: ['selection'],
        documentUrlPatterns: FOUNDATION_MATCHES,
      });
      browser.contextMenus.create({
        id: READ_HERE_MENU_ID,
        title: t(localeFromLanguage(browser.i18n.getUILanguage()), 'sites.readHere'),
        contexts: ['page'],
        documentUrlPatterns: ['https://*/*'],
      });
      browser.contextMenus.create({
        id: PDF_LINK_MENU_ID,
        title: t(localeFromLanguage(browser.i18n.getUILanguage()), 'pdf.readLink'),
        contexts: ['link'],
        targetUrlPatterns: PDF_LINK_PATTERNS,
        documentUrlPatterns: ['*://pf.org.tw/*', '*://www.pf.org.tw/*'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID) void forwardHighlight(tab?.id, 'menu', sendToTab);
    // Straight from the click: the permission prompt needs the reader's gesture.
    if (info.menuItemId === READ_HERE_MENU_ID && tab) void enableOnTab(browser, tab);
    if (info.menuItemId === PDF_LINK_MENU_ID && info.linkUrl) {
      const articleUrl = info.pageUrl ? canonicalArticleUrl(info.pageUrl) : null;
      void browser.tabs.create({
        url: pdfReaderUrl(browser.runtime.getURL('/pdf-reader.html' as '/'), { pdfUrl: info.linkUrl, ...(articleUrl ? { articleUrl } : {}) }),
      });
    }
  });
  // Older Firefox passes no tab with a command: the active tab is where the keys were pressed.
  const commandTab = (tab?: { id?: number }) =>
    tab ? Promise.resolve(tab.id) : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id);
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) void commandTab(tab).then((id) => forwardHighlight(id, 'command', sendToTab));
    // The script switch and gloss shortcuts go to the tab's reader bar.
    else if (isReaderCommand(command)) void commandTab(tab).then((id) => forwardReaderCommand(id, command, sendToTab));
  });

  const handle = createRequestHandler(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
});
