import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { TERM, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';

const CHINESE_URL = 'https://www.pf.org.tw/tw/pfch/34-12003.html';
const ENGLISH_URL = 'https://www.pf.org.tw/en/pfen/33-11788.html';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** The term card, found by its role and name as a screen reader would. */
const termCard = (page: Page) => ax(page).getByRole('tooltip', { name: 'Glossary term' });

/** The marked terms of the article paragraph that contains `phrase`, as [text, id, senses]. */
function marksIn(page: Page, phrase: string): Promise<[string, string, string][]> {
  return page.$$eval(
    'section.cp p',
    (paragraphs, [p, tag]) =>
      paragraphs
        .filter((el) => el.textContent!.includes(p!))
        .flatMap((el) => [...el.querySelectorAll(tag!)])
        .map((m) => [m.textContent ?? '', m.getAttribute('data-term-id') ?? '', m.getAttribute('data-term-senses') ?? '']),
    [phrase, TERM] as const,
  ) as Promise<[string, string, string][]>;
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForMarks(page, 10);
  return page;
}

describe('short terms in context, on a Chinese page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(CHINESE_URL);
  });

  it('leaves ordinary text unmarked and marks the term where it is one', async () => {
    const third = await marksIn(page, '以北約10公里');
    expect(third.map(([text, id]) => `${text}=${id}`)).toEqual(['北韓=north-korea', '寧邊=yongbyon', '遼寧=liaoning', '中國=china']);
    const fifth = await marksIn(page, '機場安保人員');
    expect(fifth.map(([text]) => text)).toEqual(['北約', '西方國家', '烏克蘭', '北約', '峰會', '東亞', '南韓', '國家安保室長', '首爾']);
    const second = await marksIn(page, '華盛頓號');
    expect(second.some(([text]) => text.includes('華盛頓'))).toBe(false);
  });

  it('chooses the sense of 東海 from the text around it', async () => {
    const second = await marksIn(page, '獨島東方海域');
    expect(second.filter(([text]) => text === '東海').map(([, id]) => id)).toEqual(['sea-of-japan']);
    const fourth = await marksIn(page, '釣魚台周邊海域');
    expect(fourth.filter(([text]) => text === '東海').map(([, id]) => id)).toEqual(['east-china-sea', 'east-china-sea']);
  });

  it('shows both senses on the card when the text does not decide, as the reader hovers it', async () => {
    const [ambiguous] = await marksIn(page, '東海情勢近來');
    expect(ambiguous).toEqual(['東海', 'east-china-sea', 'east-china-sea sea-of-japan']);
    await page.locator(`${TERM}[data-term-senses]`).hover();
    const card = termCard(page);
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.innerText();
    expect(text).toContain('East China Sea');
    expect(text).toContain('it may also mean');
    expect(text).toContain('Sea of Japan');
    await page.mouse.move(5, 5);
    await expect.poll(() => card.count()).toBe(0);
  });

  it('says on a person\'s card when the post was last checked', async () => {
    await page.locator(`${TERM}[data-term-id="xi-jinping"]`).first().hover();
    const card = termCard(page);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toMatch(/Checked [A-Z][a-z]+ 20\d\d/);
    await page.mouse.move(5, 5);
  });
});

describe('English names in context', () => {
  it('matches names in any case, keeps acronyms exact and skips longer names', async () => {
    const page = await open(ENGLISH_URL);
    const first = await marksIn(page, 'Washington Post');
    expect(first.map(([text, id]) => `${text}=${id}`)).toEqual([
      'North Korea=north-korea',
      'missiles=missile',
      'East Sea=sea-of-japan',
      'Washington Post=washington-post',
      'Washington=washington',
      'Busan=busan',
      'Seoul=seoul',
      'Washington=washington',
    ]);
    const third = await marksIn(page, 'democratic progressive party');
    expect(third.map(([text]) => text)).toEqual(['Taipei', 'democratic progressive party', 'DEMOCRATIC PROGRESSIVE PARTY', 'Beijing', 'Washington', 'ICBMs', 'NATO', 'US']);
    const second = await marksIn(page, "China's coast guard");
    expect(second.map(([text]) => text)).toContain("China's coast guard");
  });
});
