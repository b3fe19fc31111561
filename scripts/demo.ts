/**
 * Shows the product doing its main job: builds the extension, opens the seed article at its
 * pf.org.tw address (served locally) in Debian's Chromium, hovers terms and saves screenshots.
 * `npm run demo -- --headed` leaves the browser open for a person.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, requireChromium, waitForReader } from './lib/chromium';
import { phraseEnds } from './lib/phrase-ends';
import { ENGLISH_ARTICLE_URL, SEED_ARTICLE_URL } from './lib/site-fixtures';
import { ax } from './lib/ax';

const headed = process.argv.includes('--headed');
const out = resolve(import.meta.dirname, '..', 'demo-output');

async function main(): Promise<void> {
  requireChromium();
  console.log('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(out, { recursive: true });

  const browser = await launchWithExtension({ headless: !headed });
  const page = await browser.context.newPage();
  console.log(`Opening ${SEED_ARTICLE_URL} (served from tests/fixtures)…`);
  await page.goto(SEED_ARTICLE_URL);
  await page.waitForFunction(() => document.querySelectorAll('pr-term').length > 0, null, { timeout: 15_000 });
  const marks = await page.$$eval('pr-term', (els) => els.map((e) => e.textContent ?? ''));
  console.log(`Marked ${marks.length} terms, ${new Set(marks).size} distinct: ${[...new Set(marks)].slice(0, 12).join('、')}…`);
  await page.screenshot({ path: join(out, '01-article-marked.png'), fullPage: true });

  for (const [name, url, termId] of [
    ['02-card-chinese-page.png', SEED_ARTICLE_URL, 'thaad'],
    ['03-card-english-page.png', ENGLISH_ARTICLE_URL, 'icbm'],
  ] as const) {
    if (page.url() !== url) {
      await page.goto(url);
      await waitForReader(page);
    }
    const term = page.locator(`pr-term[data-term-id="${termId}"]`).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    const card = ax(page).getByRole('tooltip', { name: 'Glossary term', exact: true });
    await card.waitFor();
    console.log(`Hovered "${await term.textContent()}" on ${url}; the card says:\n  ${(await card.innerText()).replace(/\n+/g, '\n  ')}`);
    await page.screenshot({ path: join(out, name) });
    await page.mouse.move(1, 1);
  }
  await page.goto(SEED_ARTICLE_URL);
  await waitForReader(page);
  const word = '擔憂';
  const at = await page.evaluate(phraseEnds, word);
  await page.mouse.move(at.x1 + 2, at.y1, { steps: 4 });
  const dictionaryCard = ax(page).getByRole('tooltip', { name: 'Dictionary', exact: true });
  await dictionaryCard.waitFor();
  console.log(`Hovered "${word}", a word the glossary does not mark; the dictionary card says:\n  ${(await dictionaryCard.innerText()).replace(/\n+/g, '\n  ')}`);
  await page.screenshot({ path: join(out, '04-dictionary-card.png') });
  await page.mouse.move(1, 1);
  const phrase = '以國家利益為核心的「務實外交」';
  const box = await page.evaluate(phraseEnds, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
  await ax(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.waitForSelector('pr-highlight');
  console.log(`Selected "${phrase}" with the mouse and clicked Highlight: saved in the extension's database.`);
  await ax(page).getByRole('button', { name: '简 Simplified' }).click();
  await page.waitForFunction(() => document.querySelector('section.cp')!.textContent!.includes('务实外交'));
  console.log('Clicked "简 Simplified": the article, its marks and the highlight now read in Simplified script.');
  await page.screenshot({ path: join(out, '05-highlight-and-simplified.png') });
  console.log(`Screenshots are in ${out}`);

  if (headed) {
    console.log('The browser stays open; close it to end the demo.');
    await page.goto(SEED_ARTICLE_URL);
    await new Promise((done) => browser.context.on('close', done));
  } else {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
