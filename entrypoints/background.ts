import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import glossaryIndex from 'virtual:glossary-index';
import { ProspectDb } from '../utils/db/database';
import { createRequestHandler } from '../utils/messaging/background-handler';
import { createBackgroundHandlers } from '../utils/messaging/background-services';
import { HIGHLIGHTS_CHANGED_KEY, type HighlightsChanged } from '../utils/messaging/protocol';
import { notesPageUrl } from '../utils/messaging/notes-url';

export default defineBackground(() => {
  const db = new ProspectDb();
  const handlers = createBackgroundHandlers({
    db,
    glossary: () => glossaryIndex,
    announce: async (articleUrl) => {
      const change: HighlightsChanged = { articleUrl, serial: crypto.randomUUID() };
      await browser.storage.local.set({ [HIGHLIGHTS_CHANGED_KEY]: change });
    },
    openNotes: async (target) => {
      await browser.tabs.create({ url: notesPageUrl(browser.runtime.getURL('/notes.html' as '/'), target) });
    },
  });
  const handle = createRequestHandler(handlers, browser.runtime.id);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
});
