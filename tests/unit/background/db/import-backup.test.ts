import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { HighlightSchema } from '../../../../utils/highlights/schema';
import type { ProspectDb } from '../../../../background/db/database';
import { importBackup, parseBackup } from '../../../../background/db/import-backup';
import { MAX_BACKUP_CHARS } from '../../../../utils/highlights/backup-limits';
import { exportW3cJson } from '../../../../utils/export/w3c-json';
import type { Highlight, SavedTerm } from '../../../../utils/highlights/types';
import { bareHighlight, freshDb, hostileHighlight, makeHighlight, makeTerm, uuid } from '../../records';

const AT = new Date('2024-06-01T09:00:00Z');
type Json = Record<string, unknown>;
type Doc = Json & { first: { items: Json[] } };

function backupOf(highlights: Highlight[], savedTerms: SavedTerm[] = []): string {
  return exportW3cJson({ highlights, savedTerms }, { exportedAt: AT, newId: uuid }).content;
}

function edited(text: string, edit: (doc: Doc) => void): string {
  const doc = JSON.parse(text) as Doc;
  edit(doc);
  return JSON.stringify(doc);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

async function contents(db: ProspectDb) {
  return {
    highlights: (await db.highlights.toArray()).sort(byId),
    savedTerms: (await db.savedTerms.toArray()).sort(byId),
  };
}

let db: ProspectDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('backup round trip', () => {
  it('restores every field of every record into an empty database', async () => {
    const highlights = [
      makeHighlight({ note: '值得注意', tags: ['security', '台海'], color: 'green' }),
      hostileHighlight(),
      bareHighlight({ color: 'purple', note: '   ', position: { type: 'TextPositionSelector', start: 0, end: 4 } }),
      makeHighlight({ id: 'legacy id/1', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, lang: 'en', color: 'blue' }),
    ];
    const savedTerms = [makeTerm(), makeTerm({ id: 'not-a-uuid', sentence: 'Tab\there "q" & <b>\nline', explanation: '' })];
    const source = freshDb();
    await source.highlights.bulkAdd(highlights);
    await source.savedTerms.bulkAdd(savedTerms);
    const text = backupOf(await source.highlights.toArray(), await source.savedTerms.toArray());
    source.close();

    const result = await importBackup(db, text);
    expect(result).toMatchObject({ ok: true, added: { highlights: 4, savedTerms: 2 }, skipped: { highlights: 0, savedTerms: 0 } });
    expect(await contents(db)).toStrictEqual({ highlights: [...highlights].sort(byId), savedTerms: [...savedTerms].sort(byId) });
  });

  it('keeps a PDF highlight\'s page and the article the PDF is attached to', async () => {
    const pdf = makeHighlight({
      articleUrl: 'https://www.pf.org.tw/files/pfch/forum-12001.pdf',
      pdfPage: 3,
      attachedToArticle: 'https://www.pf.org.tw/tw/pfch/34-12001.html',
    });
    expect(await importBackup(db, backupOf([pdf]))).toMatchObject({ ok: true, added: { highlights: 1 } });
    expect(await db.highlights.toArray()).toStrictEqual([pdf]);
  });

  it('refuses a page selector that names no page, saying where', () => {
    const text = edited(backupOf([makeHighlight({ pdfPage: 2 })]), (doc) => {
      ((doc.first.items[0]!.target as Json).selector as Json[])[2]!.value = 'page=zero';
    });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('page=N');
  });

  it('imports an empty backup', async () => {
    expect(await importBackup(db, backupOf([]))).toEqual({ ok: true, added: { highlights: 0, savedTerms: 0 }, skipped: { highlights: 0, savedTerms: 0 }, articleUrls: [] });
  });
});

describe('duplicates', () => {
  it('skips everything when the same backup is imported twice', async () => {
    const text = backupOf([makeHighlight(), hostileHighlight()], [makeTerm()]);
    await importBackup(db, text);
    const before = await contents(db);
    expect(await importBackup(db, text)).toMatchObject({ ok: true, added: { highlights: 0, savedTerms: 0 }, skipped: { highlights: 2, savedTerms: 1 } });
    expect(await contents(db)).toStrictEqual(before);
  });

  it('skips a highlight with a saved id, or of a saved passage, and keeps the stored one', async () => {
    const stored = makeHighlight({ note: 'mine' });
    await db.highlights.add(stored);
    const sameId = makeHighlight({ id: stored.id, quote: { type: 'TextQuoteSelector', exact: 'other', prefix: '', suffix: '' } });
    const samePassage = makeHighlight({ note: 'theirs' });
    const fresh = makeHighlight({ quote: { type: 'TextQuoteSelector', exact: 'new passage', prefix: '', suffix: '' } });
    const result = await importBackup(db, backupOf([sameId, samePassage, fresh]));
    expect(result).toMatchObject({ ok: true, added: { highlights: 1, savedTerms: 0 }, skipped: { highlights: 2, savedTerms: 0 } });
    expect(await db.highlights.get(stored.id)).toStrictEqual(stored);
    expect(await db.highlights.get(fresh.id)).toStrictEqual(fresh);
  });

  it('skips repeated ids inside the file, but keeps two highlights of one passage', async () => {
    const a = makeHighlight();
    const b = makeHighlight(); // same passage, another id: both were in the exported database
    const term = makeTerm();
    const text = edited(backupOf([a, b], [term, makeTerm()]), (doc) => {
      doc.first.items.push(doc.first.items[0] as Json); // same id again
    });
    expect(await importBackup(db, text)).toMatchObject({ ok: true, added: { highlights: 2, savedTerms: 1 }, skipped: { highlights: 1, savedTerms: 1 } });
  });

  it('skips a saved term already saved from the same sentence, keeps one from another', async () => {
    await db.savedTerms.add(makeTerm());
    const result = await importBackup(db, backupOf([], [makeTerm(), makeTerm({ sentence: '別的句子' })]));
    expect(result).toMatchObject({ ok: true, added: { savedTerms: 1 }, skipped: { savedTerms: 1 } });
  });
});

describe('refused imports leave the database unchanged', () => {
  const good = () => backupOf([makeHighlight(), hostileHighlight()], [makeTerm()]);
  let before: Awaited<ReturnType<typeof contents>>;
  beforeEach(async () => {
    await db.highlights.add(makeHighlight({ note: 'already here', quote: { type: 'TextQuoteSelector', exact: 'kept', prefix: '', suffix: '' } }));
    before = await contents(db);
  });

  async function refused(text: string): Promise<string> {
    const result = await importBackup(db, text);
    expect(result.ok).toBe(false);
    expect(await contents(db)).toStrictEqual(before);
    return result.ok ? '' : result.error;
  }

  it('a truncated file', async () => {
    const text = good();
    expect(await refused(text.slice(0, Math.floor(text.length / 2)))).toMatch(/not complete JSON.*cut short/);
  });

  it('a file that is not a backup at all', async () => {
    expect(await refused('{"hello": "world"}')).toMatch(/not a Prospect Reader backup/);
    expect(await refused('[]')).toMatch(/not a Prospect Reader backup/);
    expect(await refused('')).toMatch(/not complete JSON/);
  });

  it('a wrong shape, naming the entry and the field', async () => {
    const missingSource = edited(good(), (doc) => {
      delete ((doc.first.items[1] as Json).target as Json).source;
    });
    expect(await refused(missingSource)).toMatch(/highlight 2 \(first\.items\[1\]\), field target\.source: /);

    const badColour = edited(good(), (doc) => {
      ((doc.first.items[0] as Json).target as Json).styleClass = 'highlight-orange';
    });
    expect(await refused(badColour)).toMatch(/highlight 1 \(first\.items\[0\]\), field target\.styleClass: must be one of highlight-yellow/);

    const badDate = edited(good(), (doc) => {
      (doc.first.items[0] as Json).created = '2024-05-01 08:31';
    });
    expect(await refused(badDate)).toMatch(/field created: must be a date and time with a time zone/);

    const badPosition = edited(good(), (doc) => {
      (((doc.first.items[0] as Json).target as Json).selector as Json[])[1] = { type: 'TextPositionSelector', start: -1, end: 2.5 };
    });
    expect(await refused(badPosition)).toMatch(/field target\.selector\[1\]\.start: must not be negative/);

    const badTerm = edited(good(), (doc) => {
      ((doc['pr:savedTerms'] as Json[])[0] as Json)['pr:source'] = 'javascript:alert(1)';
    });
    expect(await refused(badTerm)).toMatch(/saved term 1 \(pr:savedTerms\[0\]\), field pr:source: must be an http or https address/);

    const badId = edited(good(), (doc) => {
      (doc.first.items[0] as Json).id = 'https://example.com/anno/1';
    });
    expect(await refused(badId)).toMatch(/highlight 1 \(first\.items\[0\]\), field id: must be a urn:uuid: IRI/);
  });

  it('a backup from a future version', async () => {
    const future = edited(good(), (doc) => {
      doc['pr:schemaVersion'] = 2;
      doc.first.items = [{ completely: 'different' }];
    });
    expect(await refused(future)).toMatch(/newer version of Prospect Reader \(backup format 2; this version reads format 1/);
  });

  it('a 50 MB string field', async () => {
    const huge = edited(good(), (doc) => {
      const body = (doc.first.items[1] as Json).body as Json[];
      (body[0] as Json).value = 'x'.repeat(50 * 1024 * 1024);
    });
    expect(await refused(huge)).toMatch(/highlight 2 \(first\.items\[1\]\), field body\[0\]\.value: is longer than 100000 characters/);
  });

  it('a million entries', async () => {
    const text = `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","pr:schemaVersion":1,"first":{"items":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}}`;
    expect(await refused(text)).toMatch(/holds 1,000,000 entries; at most 200,000/);
  });

  it('a file over 100 MB, before parsing it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    const error = await refused(' '.repeat(MAX_BACKUP_CHARS + 1));
    expect(error).toMatch(/too large to be a Prospect Reader backup: it is over 100 MB/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a write that fails half way: the transaction is undone', async () => {
    vi.spyOn(db.savedTerms, 'bulkAdd').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect(await refused(good())).toMatch(/Nothing was imported: The browser has no storage space left/);
  });
});

describe('parseBackup', () => {
  it('lists at most five problems and counts the rest', () => {
    const text = edited(backupOf(Array.from({ length: 8 }, () => makeHighlight())), (doc) => {
      for (const item of doc.first.items) item.type = 'Note';
    });
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.match(/highlight \d+ /g)).toHaveLength(5);
      expect(result.error).toMatch(/and 3 more problems/);
    }
  });
});

describe('a backup not written by this exporter', () => {
  const crafted = (edit: (item: Json) => void) =>
    edited(backupOf([makeHighlight({ tags: ['a'] })]), (doc) => edit(doc.first.items[0] as Json));
  const selectors = (item: Json) => (item.target as Json).selector as Json[];

  it('is normalised to what the message protocol accepts, and names the articles it touched', async () => {
    const text = crafted((item) => {
      (item.target as Json).source = 'http://pf.org.tw//tw/pfch/34-12001.html?utm=x#top';
      selectors(item)[0] = { type: 'TextQuoteSelector', exact: '區域安全架構', prefix: 'p'.repeat(5000), suffix: 's'.repeat(5000) };
      selectors(item)[1] = { type: 'TextPositionSelector', start: 120, end: 120 };
      item.body = [
        { type: 'TextualBody', purpose: 'tagging', value: '  台海 ' },
        { type: 'TextualBody', purpose: 'tagging', value: '台海' },
        { type: 'TextualBody', purpose: 'tagging', value: '   ' },
        { type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(300) },
      ];
    });
    const result = await importBackup(db, text);
    expect(result).toMatchObject({ ok: true, added: { highlights: 1 }, articleUrls: ['https://www.pf.org.tw/tw/pfch/34-12001.html'] });
    const [stored] = await db.highlights.toArray();
    expect(stored).toMatchObject({
      articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html',
      position: { start: 120, end: 126 },
      tags: ['台海', 'x'.repeat(100)],
    });
    expect(stored!.quote.prefix).toHaveLength(2000);
    expect(stored!.quote.suffix).toHaveLength(2000);
    // What was imported passes the protocol's own schema, so it can be edited, deleted and restored.
    expect(v.safeParse(HighlightSchema, stored).success).toBe(true);
  });

  it('is refused, with the entry and the reason, where normalising would lose what the reader wrote', async () => {
    const tooManyTags = crafted((item) => {
      item.body = Array.from({ length: 60 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: `tag ${i}` }));
    });
    expect(await importBackup(db, tooManyTags)).toEqual({ ok: false, error: expect.stringMatching(/highlight 1 \(first\.items\[0\]\), field tags: more than 50 tags/) });
    const longTitle = crafted((item) => {
      item['pr:title'] = 't'.repeat(3000);
    });
    expect(await importBackup(db, longTitle)).toEqual({ ok: false, error: expect.stringMatching(/highlight 1 \(first\.items\[0\]\), field articleTitle: longer than 2000 characters/) });
    const longTerm = edited(backupOf([], [makeTerm()]), (doc) => {
      ((doc['pr:savedTerms'] as Json[])[0] as Json)['pr:en'] = 'e'.repeat(3000);
    });
    expect(await importBackup(db, longTerm)).toEqual({ ok: false, error: expect.stringMatching(/saved term 1 \(pr:savedTerms\[0\]\), field en: longer than 2000/) });
    expect(await db.highlights.count()).toBe(0);
  });
});
