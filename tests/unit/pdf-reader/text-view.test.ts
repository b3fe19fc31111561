import { describe, expect, it } from 'vitest';
import { buildTextView, pageInTextView } from '../../../pdf-reader/text-view/text-view';
import { htmlDocument } from '../fixture-dom';

describe('the text view', () => {
  const doc = htmlDocument('<main></main>');
  const view = buildTextView(doc, '遠景論壇', [
    { text: '美國在南韓部署薩德反導系統，引起中國強烈反彈。', pageStarts: [{ page: 1, offset: 0 }, { page: 2, offset: 18 }] },
    { text: '第二段。', pageStarts: [{ page: 2, offset: 0 }] },
  ]);

  it('shows the title and one paragraph a reflowed paragraph, as text', () => {
    expect(view.querySelector('h1')!.textContent).toBe('遠景論壇');
    expect([...view.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['美國在南韓部署薩德反導系統，引起中國強烈反彈。', '第二段。']);
  });

  it('tells the page a position was printed on, across a healed page break', () => {
    const [first, second] = [...view.querySelectorAll('p')].map((p) => p.firstChild!);
    expect(pageInTextView(first!, 3)).toBe(1);
    expect(pageInTextView(first!, 19)).toBe(2);
    expect(pageInTextView(second!, 0)).toBe(2);
    expect(pageInTextView(view.querySelector('h1')!.firstChild!, 0)).toBeUndefined();
  });
});
