import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { TermCard } from '../../../../components/content/TermCard';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { compileGlossary } from '../../../../utils/glossary/compile';
import type { CompiledEntry } from '../../../../utils/glossary/types';
import { checkedOn } from '../../../../utils/i18n/strings';
import { htmlDocument } from '../../fixture-dom';

const { index } = compileGlossary(
  [
    { id: 'east-china-sea', zh: '東海', pinyin: 'dōng hǎi', en: 'East China Sea', category: 'place', region: 'japan', cues: ['中國'], explain: { zh: '中國與日本之間的海。', en: 'The sea between China and Japan.' } },
    { id: 'sea-of-japan', zh: '日本海', zhAliases: ['東海'], en: 'Sea of Japan', category: 'place', region: 'korea', cues: ['韓國'], explain: { zh: '日本與韓半島之間的海。', en: 'The sea between Japan and Korea.' } },
    { id: 'lee', zh: '李在明', en: 'Lee Jae-myung', category: 'person', region: 'korea', checked: '2026-03-15', explain: { zh: '2025 年 6 月起任南韓總統。', en: 'President of South Korea since June 2025.' } },
  ].map((value, i) => ({ origin: `t.yaml:${i}`, value })),
  createChineseTools(),
);
const byId = new Map(index.entries.map((e) => [e.id, e]));

function card(entry: CompiledEntry, otherSenses?: CompiledEntry[], locale: 'en' | 'zh' = 'en'): string {
  const root = document.createElement('div');
  render(
    <TermCard id="c" entry={entry} otherSenses={otherSenses} count={1} locale={locale} pageLang="zh" pinned={false} onTogglePin={() => {}} onClose={() => {}} />,
    root,
  );
  return root.textContent ?? '';
}

describe('the term card', () => {
  it('says when a changing fact was last checked', () => {
    expect(card(byId.get('lee')!)).toContain('Checked March 2026');
    expect(card(byId.get('lee')!, [], 'zh')).toContain('2026 年 3 月查核');
    expect(card(byId.get('east-china-sea')!)).not.toContain('Checked');
    expect(checkedOn('en', '2025-12')).toBe('Checked December 2025');
  });

  it('shows both senses of a shared form the text does not decide', () => {
    const doc = htmlDocument('<p id="p">東海情勢引起關注</p>');
    const marker = createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id), yieldToPage: () => Promise.resolve() });
    marker.markNow(doc.getElementById('p')!);
    const mark = doc.querySelector('pr-term')!;
    expect(mark.getAttribute('data-term-id')).toBe('east-china-sea');
    expect(mark.getAttribute('data-term-senses')).toBe('east-china-sea sea-of-japan');
    const text = card(byId.get('east-china-sea')!, [byId.get('sea-of-japan')!]);
    expect(text).toContain('East China Sea');
    expect(text).toContain('it may also mean');
    expect(text).toContain('Sea of Japan — The sea between Japan and Korea.');
  });

  it('marks a decided sense without offering the other', () => {
    const doc = htmlDocument('<p id="p">韓國海軍在東海演習</p>');
    createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id), yieldToPage: () => Promise.resolve() }).markNow(doc.getElementById('p')!);
    const mark = doc.querySelector('pr-term')!;
    expect(mark.getAttribute('data-term-id')).toBe('sea-of-japan');
    expect(mark.hasAttribute('data-term-senses')).toBe(false);
  });
});
