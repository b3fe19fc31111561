import { NoticeLine, type Notice } from './NoticeLine';
import { optionsEnv as env, type OptionsEnv } from './options-env';
import { useState } from 'preact/hooks';
import { applyImport, exportGlossaryCsv, GLOSSARY_COLUMNS, MAX_IMPORT_CHARS, readGlossaryFile, type ImportRow } from '../../utils/glossary/personal-csv';
import { fileProblemText, rowProblemText } from '../../utils/i18n/glossary-problems';
import { t, tf, type PageStringKey } from '../../utils/i18n/page-strings';

interface Preview {
  file: string;
  rows: ImportRow[];
  ignoredColumns: string[];
}

/** Decodes a picked file strictly as UTF-8 (a BOM is allowed); null when it is not UTF-8 text. */
async function readText(file: File): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** The personal glossary to and from CSV, with a preview before anything is changed. */
export function ImportExport({ locale, glossary, tools, updateGlossary, download }: OptionsEnv) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const good = preview?.rows.filter((r) => r.fields) ?? [];

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPreview(null);
    if (!file) return;
    const fail = (reason: string) => setNotice({ kind: 'alert', text: tf(locale, 'options.importFailed', { reason }) });
    // UTF-8 takes at most 3 bytes per character of a glossary (4 for emoji, counted as 2 units).
    if (file.size > MAX_IMPORT_CHARS * 3) return fail(fileProblemText(locale, { code: 'too-large', max: MAX_IMPORT_CHARS }));
    const text = await readText(file);
    if (text === null) return fail(fileProblemText(locale, { code: 'unreadable' }));
    const reading = readGlossaryFile(text);
    if (!reading.ok) return fail(fileProblemText(locale, reading.problem));
    setNotice(null);
    setPreview({ file: file.name, rows: reading.rows, ignoredColumns: reading.ignoredColumns });
  };

  const confirm = async () => {
    if (!preview) return;
    let counts = { added: 0, updated: 0 };
    try {
      await updateGlossary((current) => {
        const plan = applyImport(current, preview.rows, { tools, ...env() });
        counts = plan;
        return plan.glossary;
      });
      setNotice({ kind: 'status', text: tf(locale, 'options.imported', counts) });
    } catch (error) {
      setNotice({ kind: 'alert', text: tf(locale, 'options.importFailed', { reason: String(error) }) });
    }
    setPreview(null);
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t(locale, 'options.importExport')}</h2>
      <p class="hint">{t(locale, 'options.importHint')}</p>
      <label class="field">
        <span>{t(locale, 'options.import')}</span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(e) => void pick(e.currentTarget)}
        />
      </label>{' '}
      <button
        type="button"
        disabled={glossary.entries.length === 0}
        onClick={() => download('prospect-reader-glossary.csv', exportGlossaryCsv(glossary.entries), 'text/csv;charset=utf-8')}
      >
        {t(locale, 'options.export')}
      </button>
      <NoticeLine notice={notice} />
      {preview && (
        <div class="preview">
          <p>{tf(locale, 'options.preview', { file: preview.file, good: good.length, bad: preview.rows.length - good.length })}</p>
          {preview.ignoredColumns.length > 0 && (
            <p class="hint">{tf(locale, 'options.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}</p>
          )}
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(locale, 'options.line')}</th>
                  {GLOSSARY_COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {t(locale, `options.field.${c}` as PageStringKey)}
                    </th>
                  ))}
                  <th scope="col">{t(locale, 'options.status')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 500).map((row) => (
                  <tr key={row.line} class={row.fields ? 'ok' : 'bad'}>
                    <td>{row.line}</td>
                    {GLOSSARY_COLUMNS.map((c) => (
                      <td key={c}>{row.values[c].slice(0, 200)}</td>
                    ))}
                    <td>{row.fields ? t(locale, 'options.ready') : row.problems.map((p) => rowProblemText(locale, p)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="buttons">
            <button type="button" disabled={good.length === 0} onClick={() => void confirm()}>
              {tf(locale, 'options.confirmImport', { n: good.length })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t(locale, 'options.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
