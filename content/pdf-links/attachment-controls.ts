/**
 * "Read in Prospect Reader" beside each PDF attachment of an article (`div.file_download a`):
 * a button in a shadow host of its own, answering only the reader's own clicks, that asks the
 * background to open the PDF reader page (a web page cannot open extension pages).
 */
import { mountUi } from '../ui/mount-ui';
import { looksLikePdfUrl } from '../../utils/messaging/pdf-reader-url';
import { HOST } from '../../utils/dom-names';

export const ATTACHMENT_HOST_TAG = HOST.pdfLink;
const ATTACHMENT_LINKS = 'div.file_download a[href]';

/** The host sits in the line beside the link instead of the fixed, zero-sized default. */
const CSS = `:host {
  position: static !important;
  display: inline-block !important;
  width: auto !important;
  height: auto !important;
  margin-inline-start: 0.6em !important;
  vertical-align: baseline !important;
}
button {
  font: 13px/1.4 system-ui, sans-serif;
  padding: 1px 8px;
  border: 1px solid #0b5cad;
  border-radius: 4px;
  background: #fff;
  color: #0b5cad;
  cursor: pointer;
}
button:hover, button:focus-visible { background: #e8f0fb; }
`;

export interface AttachmentControlsOptions {
  doc: Document;
  /** The article's canonical address, sent with the PDF so its highlights list under the article too. */
  articleUrl: string;
  label: string;
  open: (target: { pdfUrl: string; articleUrl: string }) => void;
}

/** Adds the control beside every PDF attachment link; returns how many were added. */
export function addAttachmentControls(options: AttachmentControlsOptions): number {
  const { doc } = options;
  let count = 0;
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(ATTACHMENT_LINKS)) {
    // The resolved address, so a relative link on the page works; only PDFs are offered.
    const pdfUrl = link.href;
    if (!looksLikePdfUrl(pdfUrl) || link.nextElementSibling?.tagName.toLowerCase() === ATTACHMENT_HOST_TAG) continue;
    const shadow = mountUi(doc, { tag: ATTACHMENT_HOST_TAG, css: CSS, place: (host) => link.after(host) }).ensure();
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = options.label;
    button.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      event.preventDefault();
      options.open({ pdfUrl, articleUrl: options.articleUrl });
    });
    shadow.mount.append(button);
    count++;
  }
  return count;
}
