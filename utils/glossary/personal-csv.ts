import { csvText } from '../export/csv';
import {
  findSameTerm,
  makePersonalEntry,
  MAX_PERSONAL_ENTRIES,
  validatePersonalFields,
  type FieldProblem,
  type PersonalEntry,
  type PersonalField,
  type PersonalFields,
  type PersonalGlossary,
  type ScriptTools,
} from './personal-entry';

/** The file's columns, in this order on export; `term` and `english` are required on import. */
export const GLOSSARY_COLUMNS = ['term', 'english', 'simplified', 'pinyin', 'explanation', 'category'] as const;
export type GlossaryColumn = (typeof GLOSSARY_COLUMNS)[number];
/** Larger files are refused before parsing (a glossary of 5,000 full rows is well under this). */
export const MAX_IMPORT_CHARS = 4_000_000;

export type FileProblem =
  | { code: 'empty' }
  | { code: 'too-large'; max: number }
  | { code: 'binary' }
  | { code: 'unterminated-quote'; line: number }
  | { code: 'missing-columns'; columns: GlossaryColumn[] }
  | { code: 'duplicate-column'; column: string }
  | { code: 'no-rows' }
  | { code: 'too-many-rows'; max: number };

export type RowProblem = FieldProblem | { code: 'extra-fields' } | { code: 'duplicate-row'; line: number };

export interface ImportRow {
  /** The line the row starts on, counting the header as line 1. */
  line: number;
  /** The row's fields as read, for the preview. */
  values: Record<GlossaryColumn, string>;
  fields?: PersonalFields;
  problems: RowProblem[];
}

export type ImportReading =
  | { ok: true; delimiter: ',' | '\t'; rows: ImportRow[]; ignoredColumns: string[] }
  | { ok: false; problem: FileProblem };

/**
 * Splits delimited text into records per RFC 4180: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes; records end with CRLF, LF or CR. Returns each
 * record with the line it starts on, or the line of a quote left open.
 */
export function parseDelimited(
  text: string,
  delimiter: string,
): { ok: true; records: { line: number; fields: string[] }[] } | { ok: false; line: number } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { ok: false, line: quoteLine };
  if (field !== '' || fields.length) endRecord();
  return { ok: true, records };
}

// A field written as '=… on export (see csvText) reads back as =….
const unguard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/**
 * Reads a glossary file (CSV or TSV, UTF-8 with or without BOM, header row required) into
 * rows checked one by one. A file that cannot be read at all gives one problem and no rows.
 * Nothing is stored here; applyImport does that once the reader confirms.
 */
export function readGlossaryFile(raw: string): ImportReading {
  if (raw.length > MAX_IMPORT_CHARS) return { ok: false, problem: { code: 'too-large', max: MAX_IMPORT_CHARS } };
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, problem: { code: 'empty' } };
  // NUL never occurs in text, and a run of U+FFFD is what a binary file decoded as UTF-8 looks like.
  const replacement = text.match(/\uFFFD/g)?.length ?? 0;
  if (text.includes('\u0000') || replacement > 16 || replacement > text.length / 100) {
    return { ok: false, problem: { code: 'binary' } };
  }
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  const parsed = parseDelimited(text, delimiter);
  if (!parsed.ok) return { ok: false, problem: { code: 'unterminated-quote', line: parsed.line } };
  const [header, ...body] = parsed.records;
  const names = header!.fields.map((f) => f.trim().toLowerCase());
  const seen = new Set<string>();
  for (const name of names) {
    if (name && seen.has(name)) return { ok: false, problem: { code: 'duplicate-column', column: name.slice(0, 40) } };
    seen.add(name);
  }
  const missing = (['term', 'english'] as const).filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, problem: { code: 'missing-columns', columns: [...missing] } };
  const ignoredColumns = names.filter((name) => name && !(GLOSSARY_COLUMNS as readonly string[]).includes(name)).map((c) => c.slice(0, 40));

  const records = body.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!records.length) return { ok: false, problem: { code: 'no-rows' } };
  if (records.length > MAX_PERSONAL_ENTRIES) return { ok: false, problem: { code: 'too-many-rows', max: MAX_PERSONAL_ENTRIES } };

  const firstLineOf = new Map<string, number>();
  const rows = records.map(({ line, fields }): ImportRow => {
    const values = Object.fromEntries(GLOSSARY_COLUMNS.map((c) => {
      const at = names.indexOf(c);
      return [c, at >= 0 ? unguard(fields[at] ?? '') : ''];
    })) as Record<GlossaryColumn, string>;
    const problems: RowProblem[] = [];
    if (fields.length > names.length && fields.slice(names.length).some((f) => f.trim() !== '')) problems.push({ code: 'extra-fields' });
    const checked = validatePersonalFields(values as Partial<Record<PersonalField, string>>);
    if (!checked.ok) problems.push(...checked.problems);
    const key = values.term.trim();
    const first = firstLineOf.get(key);
    if (checked.ok && first !== undefined) problems.push({ code: 'duplicate-row', line: first });
    else if (checked.ok) firstLineOf.set(key, line);
    return { line, values, ...(checked.ok && !problems.length ? { fields: checked.fields } : {}), problems };
  });
  return { ok: true, delimiter, rows, ignoredColumns };
}

export interface ImportPlan {
  glossary: PersonalGlossary;
  added: number;
  updated: number;
  /** Good rows left out because the glossary was full. */
  skipped: number;
}

/**
 * The glossary after importing the good rows: a row for a term the glossary already has
 * replaces that entry's fields; the rest are added. Rows with problems are left out.
 */
export function applyImport(
  glossary: PersonalGlossary,
  rows: readonly ImportRow[],
  env: { tools: ScriptTools; now: Date; newId: () => string },
): ImportPlan {
  const entries = [...glossary.entries];
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const row of rows) {
    if (!row.fields) continue;
    const existing = findSameTerm(entries, row.fields, env.tools);
    if (existing) {
      entries[entries.indexOf(existing)] = makePersonalEntry(row.fields, env.tools, env.now, env.newId, existing);
      updated++;
    } else if (entries.length < MAX_PERSONAL_ENTRIES) {
      entries.push(makePersonalEntry(row.fields, env.tools, env.now, env.newId));
      added++;
    } else skipped++;
  }
  return { glossary: { ...glossary, entries }, added, updated, skipped };
}

/** The personal glossary as a CSV file (UTF-8 with BOM so spreadsheets read the Chinese, CRLF). */
export function exportGlossaryCsv(entries: readonly PersonalEntry[]): string {
  const lines = [GLOSSARY_COLUMNS.join(',')];
  for (const e of entries) {
    // Every field is free text: quoted, and defused where a spreadsheet would run it (readGlossaryFile undoes that).
    lines.push(GLOSSARY_COLUMNS.map((c) => csvText(e[c] ?? '')).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
