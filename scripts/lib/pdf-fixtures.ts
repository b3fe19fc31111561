/**
 * PDFs for the tests and the benchmark, printed by headless Chromium from the fixture pages
 * (`page.pdf()`, with the CJK fonts embedded as printed), plus the bad inputs: damaged, encrypted
 * and image-only files. Served at pf.org.tw attachment addresses like the site's own.
 */
import { chromium } from 'playwright-core';
import { requireChromium } from './chromium';
import { readFixture } from './site-fixtures';

/** The seed article's attachment link (`div.file_download a`). */
export const SEED_PDF_PATH = '/upload/12001.pdf';
export const SEED_PDF_URL = `https://www.pf.org.tw${SEED_PDF_PATH}`;
export const SEED_PDF_TITLE = '李在明訪中與東北亞安保情勢';
/** The running header printed on every page; the text view must drop it. */
export const RUNNING_HEADER = '遠景基金會　遠景論壇';

export interface FixturePdfs {
  /** The seed article's text on small pages, so its sentences run across page breaks. */
  seed: Buffer;
  /** Pages that are pictures only (a scan). */
  imageOnly: Buffer;
  /** The seed PDF cut short and overwritten in the middle. */
  damaged: Buffer;
  /** A PDF that needs a password. */
  encrypted: Buffer;
}

/** The seed article's paragraphs as the fixture page has them. */
export function seedParagraphs(): string[] {
  const html = readFixture('pf-tw-article-34-12001.html');
  const body = html.match(/<section class="cp">\s*<div class="container">([\s\S]*?)<\/div>\s*<\/section>/)![1]!;
  return [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A printable page of paragraphs; `copies` repeats the article to make a longer PDF. */
function articleHtml(paragraphs: string[], copies: number): string {
  const body = Array.from({ length: copies }, () => paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n')).join('\n');
  return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>${SEED_PDF_TITLE}</title>
<style>body { font-family: 'Noto Serif CJK TC', 'Noto Sans CJK TC', serif; font-size: 13pt; line-height: 1.7; }
p { text-indent: 2em; margin: 0 0 0.6em; text-align: justify; }</style></head><body>${body}</body></html>`;
}

const HEADER = `<div style="font-size:8pt;width:100%;text-align:center;font-family:'Noto Sans CJK TC'">${RUNNING_HEADER}</div>`;
const FOOTER = `<div style="font-size:8pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>`;

/** Prints HTML to PDF in a browser of its own (no extension). */
export async function printPdf(html: string, runningHeads = true): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      format: 'A5',
      ...(runningHeads ? { displayHeaderFooter: true, headerTemplate: HEADER, footerTemplate: FOOTER } : {}),
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}

/** The seed article printed `copies` times over (one copy is about four A5 pages). */
export function articlePdf(copies = 1): Promise<Buffer> {
  return printPdf(articleHtml(seedParagraphs(), copies));
}

/** A page that is a picture of text: what a scanner gives. */
function imageOnlyHtml(): string {
  return `<!doctype html><html><body><canvas id="c" width="500" height="300"></canvas><script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 500, 300); ctx.fillStyle = '#000';
ctx.font = '28px "Noto Sans CJK TC"'; ctx.fillText('掃描的頁面：薩德反導系統', 20, 80);
</script></body></html>`;
}

/**
 * A PDF whose trailer names the Standard security handler with a user password that is not
 * empty: every reader must ask for the password before it can show anything.
 */
export function encryptedPdf(): Buffer {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>',
    '<< /Length 8 >>\nstream\nq Q 0 0 \nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex32('a1')} /U ${hex32('b2')} /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [${hex32('0c')} ${hex32('0c')}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A file that starts like a PDF but whose structure is gone (a broken download). */
export function damagedPdf(seed: Buffer): Buffer {
  const head = Buffer.from(seed.subarray(0, 16));
  return Buffer.concat([head, Buffer.alloc(4096, 0x41)]);
}

export async function makeFixturePdfs(): Promise<FixturePdfs> {
  const seed = await articlePdf(1);
  const imageOnly = await printPdf(imageOnlyHtml(), false);
  return { seed, imageOnly, damaged: damagedPdf(seed), encrypted: encryptedPdf() };
}
