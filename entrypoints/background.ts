import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import glossaryIndex from 'virtual:glossary-index';
import { createRequestHandler } from '../utils/messaging/background-handler';

export default defineBackground(() => {
  const handle = createRequestHandler({ 'glossary/get': () => glossaryIndex }, browser.runtime.id);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
});
