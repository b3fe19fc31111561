import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  exportGlossaryCsv,
  MAX_IMPORT_CHARS,
  parseDelimited,
  readGlossaryFile,
} from '../../../utils/glossary/personal-csv';
import { makePersonalEntry } from '../../../utils/glossary/personal-entry';

const tools = {
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
};
let serial = 0;
const env = { tools, now: new Date('2026-02-01T00:00:00Z'), newId: () => `id${++serial}` };

describe('parseDelimited', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and any line ending', () => {
    const text = 'a,b\r\n"x, ""y""","line1\nline2"\rlast,row';
    expect(parseDelimited(text, ',')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, "y"', 'line1\nline2'] },
        { line: 4, fields: ['last', 'row'] },
      ],
    });
  });

  it('reports the line of a quote left open', () => {
    expect(parseDelimited('a,b\nc,"open\nmore', ',')).toEqual({ ok: false, line: 2 });
  });
});

describe('readGlossaryFile', () => {
  it('reads a CSV with a BOM and gives each row its problems', () => {
    const csv = [
      '\uFEFFTerm,English,simplified,pinyin,explanation,category',
      '韩中关系,Korea–China relations,,hán zhōng guān xì,"Ties between Seoul and Beijing, ""reset"" in 2026.",diplomacy',
      ',No term,,,,',
      '拉韓制日,,,,,',
      '限韓令,Hallyu ban,,,,culture',
      '韩中关系,Again,,,,',
    ].join('\r\n');
    const reading = readGlossaryFile(csv);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.delimiter).toBe(',');
    expect(reading.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, [{ field: 'term', code: 'missing' }]],
      [4, [{ field: 'english', code: 'missing' }]],
      [5, [{ field: 'category', code: 'unknown-category', value: 'culture' }]],
      [6, [{ code: 'duplicate-row', line: 2 }]],
    ]);
    expect(reading.rows[0]!.fields).toEqual({
      term: '韩中关系',
      english: 'Korea–China relations',
      pinyin: 'hán zhōng guān xì',
      explanation: 'Ties between Seoul and Beijing, "reset" in 2026.',
      category: 'diplomacy',
    });
  });

  it('reads TSV, in any column order, ignoring extra columns but naming them', () => {
    const reading = readGlossaryFile('english\tnotes\tterm\nQuad\tmine\t四方安全對話\n');
    expect(reading).toMatchObject({ ok: true, delimiter: '\t', ignoredColumns: ['notes'] });
    expect(reading.ok && reading.rows[0]!.fields).toEqual({ term: '四方安全對話', english: 'Quad' });
  });

  it('refuses malformed files with one clear problem', () => {
    expect(readGlossaryFile('')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(readGlossaryFile('\uFEFF  \n')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(readGlossaryFile('word,meaning\n北約,NATO')).toEqual({ ok: false, problem: { code: 'missing-columns', columns: ['term', 'english'] } });
    expect(readGlossaryFile('term,english,term\n北約,NATO,x')).toEqual({ ok: false, problem: { code: 'duplicate-column', column: 'term' } });
    expect(readGlossaryFile('term,english\n')).toEqual({ ok: false, problem: { code: 'no-rows' } });
    expect(readGlossaryFile('term,english\n"北約,NATO\n')).toEqual({ ok: false, problem: { code: 'unterminated-quote', line: 2 } });
  });

  it('refuses binary junk and files over the size limit', () => {
    const png = '\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' + '\uFFFD'.repeat(40);
    expect(readGlossaryFile(png)).toEqual({ ok: false, problem: { code: 'binary' } });
    const big = 'term,english\n' + '北約,NATO\n'.repeat(Math.ceil(5_000_000 / 8));
    expect(big.length).toBeGreaterThan(MAX_IMPORT_CHARS);
    expect(readGlossaryFile(big)).toEqual({ ok: false, problem: { code: 'too-large', max: MAX_IMPORT_CHARS } });
  });

  it('refuses more rows than the glossary can hold', () => {
    const many = 'term,english\n' + Array.from({ length: 5001 }, (_, i) => `詞語${i},w${i}`).join('\n');
    expect(readGlossaryFile(many)).toEqual({ ok: false, problem: { code: 'too-many-rows', max: 5000 } });
  });

  it('flags a row with more fields than the header', () => {
    const reading = readGlossaryFile('term,english\n北約,NATO,surplus\n');
    expect(reading.ok && reading.rows[0]!.problems).toEqual([{ code: 'extra-fields' }]);
  });
});

describe('applyImport', () => {
  it('adds the good rows, updates a term already there, leaves the bad ones out', () => {
    const existing = makePersonalEntry({ term: '韓中關係', english: 'old' }, tools, env.now, env.newId);
    const reading = readGlossaryFile('term,english\n韩中关系,new\n限韓令,Hallyu ban\n,bad\n');
    if (!reading.ok) throw new Error('unreadable');
    const plan = applyImport({ entries: [existing], hidden: ['nato'] }, reading.rows, env);
    expect(plan).toMatchObject({ added: 1, updated: 1, skipped: 0 });
    expect(plan.glossary.hidden).toEqual(['nato']);
    expect(plan.glossary.entries.map((e) => [e.id === existing.id, e.term, e.english])).toEqual([
      [true, '韩中关系', 'new'],
      [false, '限韓令', 'Hallyu ban'],
    ]);
  });
});

describe('exportGlossaryCsv', () => {
  it('guards formulas, quotes every field, and reads back the same', () => {
    const entries = [
      makePersonalEntry({ term: '韩中关系', english: '=HYPERLINK("http://evil.example","x")', explanation: 'Two lines,\n"quoted" 🇰🇷', category: 'diplomacy' }, tools, env.now, env.newId),
      makePersonalEntry({ term: '限韓令', english: '@SUM(A1)', pinyin: '-xiàn hán lìng' }, tools, env.now, env.newId),
    ];
    const csv = exportGlossaryCsv(entries);
    expect(csv.startsWith('\uFEFFterm,english,simplified,pinyin,explanation,category\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`"韩中关系","'=HYPERLINK(""http://evil.example"",""x"")","","","Two lines,\n""quoted"" 🇰🇷","diplomacy"`);
    expect(lines[2]).toBe(`"限韓令","'@SUM(A1)","","'-xiàn hán lìng","",""`);
    const back = readGlossaryFile(csv);
    expect(back.ok && back.rows.map((r) => r.fields)).toEqual(
      entries.map(({ term, english, pinyin, explanation, category }) =>
        Object.fromEntries(Object.entries({ term, english, pinyin, explanation, category }).filter(([, v]) => v !== undefined)),
      ),
    );
  });
});
