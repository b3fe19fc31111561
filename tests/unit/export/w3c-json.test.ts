import { describe, expect, it } from 'vitest';
import { exportW3cJson } from '../../../utils/export/w3c-json';
import { ARTICLE, bareHighlight, hostileHighlight, makeHighlight, makeTerm, uuid } from '../records';

const AT = new Date('2024-06-01T09:00:00Z');
type Json = Record<string, unknown>;

// The checks below restate the W3C Web Annotation test suite's MUST assertions (model sections
// 3.1 to 4.4) for the shapes this exporter writes.
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}<>"{}|\\^`]*$/u;
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const SELECTOR_TYPES = ['FragmentSelector', 'CssSelector', 'XPathSelector', 'TextQuoteSelector', 'TextPositionSelector', 'DataPositionSelector', 'SvgSelector', 'RangeSelector'];

function expectConformingAnnotation(a: Json): void {
  expect(a.type).toBe('Annotation');
  expect(a.id).toMatch(IRI);
  expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(MOTIVATIONS).toContain(a.motivation);
  for (const key of ['created', 'modified']) {
    expect(a[key]).toMatch(DATE_TIME_WITH_ZONE);
    expect(Number.isNaN(Date.parse(a[key] as string))).toBe(false);
  }
  expect('body' in a && 'bodyValue' in a).toBe(false);
  if ('body' in a) {
    const bodies = a.body as Json[];
    expect(Array.isArray(bodies) && bodies.length > 0).toBe(true);
    for (const b of bodies) {
      expect(b.type).toBe('TextualBody');
      expect(typeof b.value).toBe('string');
      expect(MOTIVATIONS).toContain(b.purpose);
      expect('source' in b).toBe(false); // an embedded TextualBody has value, not source
    }
  }
  const target = a.target as Json;
  expect(target).toBeTypeOf('object');
  expect(target.source).toMatch(IRI);
  const selectors = target.selector as Json[];
  expect(selectors.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  for (const s of selectors) expect(SELECTOR_TYPES).toContain(s.type);
  const [quote, position] = selectors as [Json, Json];
  expect(typeof quote.exact).toBe('string');
  for (const key of ['prefix', 'suffix']) if (key in quote) expect(typeof quote[key]).toBe('string');
  for (const key of ['start', 'end']) {
    expect(Number.isInteger(position[key])).toBe(true);
    expect(position[key] as number).toBeGreaterThanOrEqual(0);
  }
  // A styleClass needs the annotation's stylesheet: one CssStylesheet with an id or a value, not both.
  expect(typeof target.styleClass).toBe('string');
  const stylesheet = a.stylesheet as Json;
  expect(stylesheet.type).toBe('CssStylesheet');
  expect('id' in stylesheet !== 'value' in stylesheet).toBe(true);
  expect(stylesheet.value).toContain(`.${target.styleClass as string} {`);
}

describe('W3C Web Annotation export', () => {
  const plain = makeHighlight();
  const commented = makeHighlight({ note: '值得注意 NATO', tags: ['security', '台海'], color: 'green' });
  const hostile = hostileHighlight();
  const bare = bareHighlight();
  const terms = [makeTerm(), makeTerm({ sentence: 'Tab\there, "quotes" & <b>' })];
  const file = exportW3cJson({ highlights: [hostile, plain, commented, bare], savedTerms: terms }, { exportedAt: AT, newId: uuid });
  const doc = JSON.parse(file.content) as Json;
  const first = doc.first as Json;
  const items = first.items as Json[];

  it('is an AnnotationCollection with the Web Annotation context and an embedded first page', () => {
    expect(file.filename).toBe('prospect-reader-backup-2024-06-01.json');
    expect(file.mimeType).toBe('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"');
    expect(doc['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { pr: 'https://prospect-reader.dev/ns#' }]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toMatch(IRI);
    expect(doc.total).toBe(4);
    expect(first.type).toBe('AnnotationPage');
    expect(first.id).toMatch(IRI);
    expect(first.id).not.toBe(doc.id);
    expect(first.startIndex).toBe(0);
    expect(items).toHaveLength(4);
    expect(doc['pr:schemaVersion']).toBe(1);
    expect(doc['pr:exported']).toBe('2024-06-01T09:00:00.000Z');
  });

  it('passes every MUST of the model for every annotation', () => {
    for (const a of items) expectConformingAnnotation(a);
  });

  it('targets a PDF\'s highlight at the PDF with its page beside the text selectors', () => {
    const pdf = 'https://www.pf.org.tw/files/pfch/forum-12001.pdf';
    const file = exportW3cJson(
      { highlights: [makeHighlight({ articleUrl: pdf, pdfPage: 4, attachedToArticle: ARTICLE })], savedTerms: [] },
      { exportedAt: new Date('2024-06-01T00:00:00Z'), newId: uuid },
    );
    const [annotation] = JSON.parse(file.content).first.items;
    expect(annotation.target.source).toBe(pdf);
    expect(annotation.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'FragmentSelector']);
    expect(annotation.target.selector[2]).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=4' });
    expect(annotation['pr:attachedTo']).toBe(ARTICLE);
  });

  it('writes a highlight without a note or tags as highlighting with no body', () => {
    const a = items.find((x) => x.id === `urn:uuid:${plain.id}`) as Json;
    expect(a.motivation).toBe('highlighting');
    expect('body' in a).toBe(false);
    expect(a.target).toEqual({
      type: 'SpecificResource',
      source: plain.articleUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: '區域安全架構', prefix: '美國持續強化', suffix: '，並與盟友合作' },
        { type: 'TextPositionSelector', start: 120, end: 126 },
      ],
      styleClass: 'highlight-yellow',
    });
    expect(a['pr:title']).toBe(plain.articleTitle);
    expect(a['pr:author']).toBe('王大明');
    expect(a['pr:date']).toBe('2024-04-30');
    expect(a['pr:lang']).toBe('zh');
    expect(a.created).toBe(plain.created);
    expect(a.modified).toBe(plain.modified);
  });

  it('writes the note as a commenting TextualBody and each tag as a tagging body', () => {
    const a = items.find((x) => x.id === `urn:uuid:${commented.id}`) as Json;
    expect(a.motivation).toBe('commenting');
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: '值得注意 NATO', format: 'text/plain', language: 'zh' },
      { type: 'TextualBody', purpose: 'tagging', value: 'security' },
      { type: 'TextualBody', purpose: 'tagging', value: '台海' },
    ]);
    expect((a.target as Json).styleClass).toBe('highlight-green');
  });

  it('states a note language only when the script agrees with the article', () => {
    const note = (h: ReturnType<typeof makeHighlight>) =>
      ((items.find((x) => x.id === `urn:uuid:${h.id}`) as Json).body as Json[])[0] as Json;
    expect('language' in note(hostile)).toBe(false); // English article, note with Arabic and Chinese
    const english = exportW3cJson({ highlights: [makeHighlight({ lang: 'en', note: 'Worth a look.' })], savedTerms: [] }, { exportedAt: AT, newId: uuid });
    const body = ((JSON.parse(english.content) as { first: { items: Json[] } }).first.items[0]?.body as Json[])[0];
    expect(body?.language).toBe('en');
  });

  it('keeps hostile text exactly, as JSON strings', () => {
    const a = items.find((x) => x.id === `urn:uuid:${hostile.id}`) as Json;
    expect(((a.body as Json[])[0] as Json).value).toBe(hostile.note);
    expect(((a.target as Json).selector as Json[])[0]).toEqual(hostile.quote);
    expect(a['pr:title']).toBe(hostile.articleTitle);
  });

  it('leaves out an unknown author and date', () => {
    const a = items.find((x) => x.id === `urn:uuid:${bare.id}`) as Json;
    expect('pr:author' in a || 'pr:date' in a).toBe(false);
  });

  it('includes every saved term with every field', () => {
    expect(doc['pr:savedTerms']).toEqual(
      terms.map((t) => ({
        id: `urn:uuid:${t.id}`,
        type: 'pr:SavedTerm',
        'pr:termId': t.termId,
        'pr:trad': t.trad,
        'pr:simp': t.simp,
        'pr:pinyin': t.pinyin,
        'pr:en': t.en,
        'pr:explanation': t.explanation,
        'pr:sentence': t.sentence,
        'pr:source': t.articleUrl,
        'pr:title': t.articleTitle,
        created: t.created,
      })),
    );
  });

  it('gives an id that is not a UUID an IRI of its own', () => {
    const odd = exportW3cJson({ highlights: [makeHighlight({ id: 'legacy id/1' })], savedTerms: [] }, { exportedAt: AT, newId: uuid });
    const a = (JSON.parse(odd.content) as { first: { items: Json[] } }).first.items[0] as Json;
    expect(a.id).toBe('urn:prospect-reader:id:legacy%20id%2F1');
    expect(a.id).toMatch(IRI);
  });
});
