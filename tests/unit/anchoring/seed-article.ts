/** The seed article and the edited versions of it that anchoring must survive. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_HTML = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'pf-tw-article-34-12001.html'),
  'utf8',
);

/** The article body, the root that offsets are measured against. */
export function articleRoot(html: string): Element {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('section.cp > div.container');
  if (!root) throw new Error('fixture has no article body');
  return root;
}

/** Replaces exactly one occurrence, so that a fixture change cannot silently make a variant a no-op. */
export function replaceOnce(html: string, from: string, to: string): string {
  const at = html.indexOf(from);
  if (at === -1 || html.indexOf(from, at + 1) !== -1) throw new Error(`expected one occurrence of ${from}`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

/** Removes the paragraph whose text starts with `startsWith`. */
export function removeParagraph(html: string, startsWith: string): string {
  const start = html.indexOf(`<p>${startsWith}`);
  if (start === -1) throw new Error(`no paragraph starting ${startsWith}`);
  const end = html.indexOf('</p>', start) + '</p>'.length;
  return html.slice(0, start) + html.slice(end);
}

// Traditional → Simplified for characters of the article, one UTF-16 unit each, so converting
// keeps every length. A test table, not a converter: enough for this page and nothing more.
const PAIRS =
  '並并亂乱亞亚來来係系個个備备僅仅償偿內内兩两凍冻別别則则動动務务勝胜勢势勵励區区協协卻却參参員员問问' +
  '國国圍围圖图團团執执堅坚場场壓压夥伙實实寬宽將将尋寻對对導导屬属島岛幾几應应懷怀慶庆憂忧戰战擇择擊击' +
  '擔担擴扩撫抚換换揮挥採采斬斩斷断於于時时會会東东條条業业極极構构標标樣样機机權权歡欢歷历歸归決决況况' +
  '洶汹湧涌準准溝沟滯滞滿满漲涨濤涛為为無无爭争獎奖獲获現现產产當当發发確确禦御稅税稱称積积穩稳筆笔簽签' +
  '約约紅红級级結结給给統统綁绑維维緊紧緒绪線线緣缘編编緩缓縮缩總总續续聯联聲声脅胁腳脚與与舉举華华薩萨' +
  '藥药處处衝冲製制規规視视親亲觀观討讨訪访設设試试詩诗話话認认調调談谈識识議议變变讓让財财貫贯責责貿贸' +
  '資资購购輸输轉转這这運运過过達达違违遠远適适遲迟選选還还錄录錫锡鍵键長长間间關关階阶隊队際际隨随雖虽' +
  '雙双難难響响項项須须領领題题顯显飛飞駐驻體体鬆松黃黄點点厭厌悅悦惡恶慣惯習习範范軍军較较車车進进迴回' +
  '後后從从復复張张強强彈弹韓韩價价專专帶带邊边臺台灣湾億亿';

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) TO_SIMPLIFIED.set(PAIRS[i]!, PAIRS[i + 1]!);

/** Folds Traditional characters to Simplified; Simplified and shared characters stay. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
