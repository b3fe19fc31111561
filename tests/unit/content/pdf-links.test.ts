import { describe, expect, it } from 'vitest';
import { addAttachmentControls, ATTACHMENT_HOST_TAG } from '../../../content/pdf-links/attachment-controls';
import { fixtureDocument, recordShadowRoots } from '../fixture-dom';

const ARTICLE = 'https://www.pf.org.tw/tw/pfch/34-12001.html';

function setUp() {
  const doc = fixtureDocument('pf-tw-article-34-12001.html');
  const opened: unknown[] = [];
  const add = () => addAttachmentControls({ doc, articleUrl: ARTICLE, label: 'Read in Prospect Reader', open: (t) => opened.push(t) });
  return { doc, opened, add };
}

describe('the control beside a PDF attachment', () => {
  it('sits right after each PDF link, once, and opens that PDF from a trusted click only', () => {
    const roots = recordShadowRoots();
    const { doc, opened, add } = setUp();
    expect(add()).toBe(1);
    expect(add()).toBe(0);
    const host = doc.querySelector('div.file_download a')!.nextElementSibling!;
    expect(host.tagName.toLowerCase()).toBe(ATTACHMENT_HOST_TAG);
    expect(host.shadowRoot).toBeNull();
    const button = roots.get(host)!.querySelector('button')!;
    expect(button.textContent).toBe('Read in Prospect Reader');
    // A page script's synthetic click is not the reader's.
    button.click();
    expect(opened).toEqual([]);
  });

  it('offers nothing for an attachment that is not a PDF', () => {
    const { doc, add } = setUp();
    doc.querySelector('div.file_download a')!.setAttribute('href', '/upload/12001.docx');
    expect(add()).toBe(0);
  });
});
