import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ProspectDb } from '../../background/db/database';
import type { Highlight, SavedTerm } from '../../utils/highlights/types';

export const ARTICLE = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
export const ARTICLE_EN = 'https://www.pf.org.tw/en/pfen/33-11787.html';

let counter = 0;
/** A UUID that changes on each call and is readable in failures. */
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function makeHighlight(overrides: Partial<Highlight> = {}): Highlight {
  return {
    id: uuid(),
    articleUrl: ARTICLE,
    articleTitle: '印太戰略下的台灣角色',
    articleAuthor: '王大明',
    articleDate: '2024-04-30',
    lang: 'zh',
    quote: { type: 'TextQuoteSelector', exact: '區域安全架構', prefix: '美國持續強化', suffix: '，並與盟友合作' },
    position: { type: 'TextPositionSelector', start: 120, end: 126 },
    color: 'yellow',
    note: '',
    tags: [],
    created: '2024-05-01T08:31:00.000Z',
    modified: '2024-05-01T08:31:00.000Z',
    ...overrides,
  };
}

export function makeTerm(overrides: Partial<SavedTerm> = {}): SavedTerm {
  return {
    id: uuid(),
    termId: 'indo-pacific-strategy',
    trad: '印太戰略',
    simp: '印太战略',
    en: 'Indo-Pacific Strategy',
    pinyin: 'Yìn-Tài zhànlüè',
    explanation: 'The US strategy for the Indo-Pacific region.',
    sentence: '美國的印太戰略強調盟友合作。',
    articleUrl: ARTICLE,
    articleTitle: '印太戰略下的台灣角色',
    created: '2024-05-01T08:40:00.000Z',
    ...overrides,
  };
}

/** A highlight from a page that gave no author or date: the optional fields are absent, not undefined. */
export function bareHighlight(overrides: Partial<Highlight> = {}): Highlight {
  const highlight = makeHighlight(overrides);
  delete highlight.articleAuthor;
  delete highlight.articleDate;
  return highlight;
}

/** Content that breaks naive exporters: line breaks, separators, quotes, markup, scripts of every kind. */
export function hostileHighlight(overrides: Partial<Highlight> = {}): Highlight {
  return makeHighlight({
    articleUrl: ARTICLE_EN,
    articleTitle: 'Taiwan: "Deterrence", risk & the #1 question — 台灣 🇹🇼\nPart 2',
    articleAuthor: "O'Brien, Jane: \"JB\"",
    articleDate: '2024-03-09',
    lang: 'en',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'First line, with a comma\n- a "quoted" dash-line\twith a tab\n\n=SUM(A1) & <b>bold</b> 😀',
      prefix: 'the text before ',
      suffix: ' and after it',
    },
    position: { type: 'TextPositionSelector', start: 42, end: 128 },
    color: 'pink',
    note: '=HYPERLINK("http://evil.example") <script>alert(1)</script>\n# not a heading\n**not bold** [x](javascript:alert(1)) 注釋 ملاحظة 😀',
    tags: ['security, policy', '@home', 'tab\there', '台海'],
    created: '2024-05-02T10:00:00.000+08:00',
    modified: '2024-05-03T11:30:00.000+08:00',
    ...overrides,
  });
}

/** A database of its own: a fresh IndexedDB factory per test, so tests cannot see each other's data. */
export function freshDb(): ProspectDb {
  return new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}
