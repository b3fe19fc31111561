import { describe, expect, it } from 'vitest';
import { csvText, defuseFormula, exportCsv } from '../../../utils/export/csv';
import { hostileHighlight, makeHighlight } from '../records';

const AT = new Date('2024-06-01T09:00:00Z');

/** An RFC 4180 reader, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the last record is not ended by CRLF');
  return rows;
}

describe('CSV export', () => {
  const hostile = hostileHighlight();
  const plain = makeHighlight({ note: '值得注意', tags: ['a', 'b'] });
  const file = exportCsv({ highlights: [plain, hostile], savedTerms: [] }, AT);

  it('is UTF-8 with a BOM, CRLF line ends and the Readwise header', () => {
    expect(file.filename).toBe('prospect-reader-highlights-2024-06-01.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.content.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date,Color,Tags\r\n')).toBe(true);
    expect(file.content.endsWith('\r\n')).toBe(true);
  });

  it('reads back, field for field, with line breaks, commas, tabs and quotation marks intact', () => {
    const rows = parseCsv(file.content.slice(1));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(9);
    expect(rows[1]).toEqual([
      hostile.quote.exact,
      hostile.articleTitle,
      hostile.articleAuthor,
      hostile.articleUrl,
      `'${hostile.note}`, // starts with '=': defused
      '42',
      '2024-05-02T10:00:00.000+08:00',
      'pink',
      'security, policy, @home, tab\there, 台海',
    ]);
    expect(rows[2]).toEqual(['區域安全架構', '印太戰略下的台灣角色', '王大明', plain.articleUrl, '值得注意', '120', plain.created, 'yellow', 'a, b']);
  });

  it('quotes every free-text field and doubles quotation marks', () => {
    expect(csvText('plain 文字')).toBe('"plain 文字"');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('tab\tonly')).toBe('"tab\tonly"');
    expect(csvText('')).toBe('""');
  });

  it('leaves nothing a semicolon-separated spreadsheet could split and run', () => {
    const note = 'see below;=HYPERLINK("http://evil.example","x");done';
    const line = exportCsv({ highlights: [makeHighlight({ note })], savedTerms: [] }, AT).content.split('\r\n')[1]!;
    // Every free-text field is one quoted token; the only unquoted ones are what the extension wrote.
    const unquoted = line.replace(/"(?:[^"]|"")*"/g, '').split(',').filter((f) => f !== '');
    expect(unquoted).toEqual(['120', makeHighlight().created, 'yellow']);
    expect(line).toContain('"see below;=HYPERLINK(""http://evil.example"",""x"");done"');
  });

  it('defuses fields a spreadsheet would run as formulas', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(defuseFormula(risky)).toBe(`'${risky}`);
    for (const safe of ['1', 'a=b', ' =1', '台灣', '']) expect(defuseFormula(safe)).toBe(safe);
    const row = parseCsv(exportCsv({ highlights: [makeHighlight({ quote: { type: 'TextQuoteSelector', exact: '-5% growth', prefix: '', suffix: '' }, tags: ['@x'] })], savedTerms: [] }, AT).content.slice(1))[1];
    expect(row?.[0]).toBe("'-5% growth");
    expect(row?.[8]).toBe("'@x");
    expect(row?.[5]).toBe('120'); // numbers the extension writes are left alone
  });
});
