import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ProspectDb } from '../../background/db/database';
import { exportAnki } from '../../utils/export/anki';
import { exportCsv } from '../../utils/export/csv';
import type { ExportData } from '../../utils/export/export-file';
import { importBackup } from '../../background/db/import-backup';
import { exportMarkdown, exportMarkdownZip } from '../../utils/export/markdown';
import { exportW3cJson } from '../../utils/export/w3c-json';
import { HIGHLIGHT_COLORS, type Highlight, type SavedTerm } from '../../utils/highlights/types';

const HIGHLIGHTS = 10_000;
const TERMS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function records(): ExportData {
  const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const highlights: Highlight[] = Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    return {
      id: uuid(i),
      articleUrl: `https://www.pf.org.tw/tw/pfch/34-${12_000 + (i % 200)}.html`,
      articleTitle: `印太戰略下的台灣角色 第 ${i % 200} 篇`,
      articleAuthor: '王大明',
      articleDate: '2024-04-30',
      lang: 'zh',
      quote: { type: 'TextQuoteSelector', exact: `美國持續強化區域安全架構，並與盟友合作，"第 ${i} 段"\n第二行`, prefix: '在此背景下，', suffix: '，以因應挑戰。' },
      position: { type: 'TextPositionSelector', start: i * 40, end: i * 40 + 30 },
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
      note: i % 3 === 0 ? `筆記 ${i}: compare with 2017, "THAAD" 🙂` : '',
      tags: i % 2 === 0 ? ['外交', `tag-${i % 30}`] : [],
      created,
      modified: created,
    };
  });
  const savedTerms: SavedTerm[] = Array.from({ length: TERMS }, (_, i) => ({
    id: uuid(100_000 + i),
    termId: `term-${i % 400}`,
    trad: '洲際彈道飛彈',
    simp: '洲际弹道飞弹',
    en: 'intercontinental ballistic missile',
    pinyin: 'zhōu jì dàn dào fēi dàn',
    explanation: 'A ballistic missile with a range of more than 5,500 km.',
    sentence: `北韓試射洲際彈道飛彈，第 ${i} 次。`,
    articleUrl: `https://www.pf.org.tw/tw/pfch/34-${12_000 + (i % 200)}.html`,
    articleTitle: '印太戰略下的台灣角色',
    created: new Date(Date.UTC(2024, 1, 1) + i * 60_000).toISOString(),
  }));
  return { highlights, savedTerms };
}

/** Exporting 10,000 highlights (and 1,000 saved terms) in each format, then importing the JSON backup into an empty database. */
export async function notesFigures(): Promise<void> {
  const data = records();
  const exportedAt = new Date();
  const newId = () => crypto.randomUUID();
  const exporters: [string, () => unknown][] = [
    ['Markdown', () => exportMarkdown(data, exportedAt)],
    ['Markdown zip', () => exportMarkdownZip(data, exportedAt)],
    ['JSON (W3C)', () => exportW3cJson(data, { exportedAt, newId })],
    ['CSV', () => exportCsv(data, exportedAt)],
    ['Anki', () => exportAnki(data, exportedAt)],
  ];
  console.log(`\nNotes export and import, ${HIGHLIGHTS.toLocaleString('en')} highlights and ${TERMS.toLocaleString('en')} saved terms (targets: each export under 1 s, import under 3 s; Node, fake-indexeddb)`);
  for (const [name, run] of exporters) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    console.log(`  export ${name}: ${ms(median(times))} (median of 5)`);
  }
  const backup = exportW3cJson(data, { exportedAt, newId }).content;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = new ProspectDb({ name: `bench-${i}`, indexedDB: new IDBFactory(), IDBKeyRange });
    const t0 = performance.now();
    const result = await importBackup(db, backup);
    times.push(performance.now() - t0);
    if (!result.ok || result.added.highlights !== HIGHLIGHTS) throw new Error(`import failed: ${JSON.stringify(result)}`);
    db.close();
  }
  console.log(`  import the JSON backup (${(backup.length / 1e6).toFixed(1)} M characters) into an empty database: ${ms(median(times))} (median of 3)`);
}
