import type { TargetedEvent } from 'preact';
import { DictionaryControls } from '../common/DictionaryControls';
import { AboutSection } from './AboutSection';
import { useMemo, useState } from 'preact/hooks';
import {
  applyImport,
  exportGlossaryCsv,
  GLOSSARY_COLUMNS,
  MAX_IMPORT_CHARS,
  readGlossaryFile,
  type ImportRow,
} from '../../utils/glossary/personal-csv';
import {
  MAX_PERSONAL_ENTRIES,
  removePersonalEntry,
  setBuiltInHidden,
  upsertPersonalEntry,
  validatePersonalFields,
  type PersonalEntry,
  type PersonalField,
  type PersonalGlossary,
  type ScriptTools,
} from '../../utils/glossary/personal-entry';
import { searchBuiltIn } from '../../utils/glossary/personal-merge';
import { CATEGORIES, type CompiledEntry } from '../../utils/glossary/types';
import { fileProblemText, rowProblemText } from '../../utils/i18n/glossary-problems';
import { categoryLabel, t, tf, type StringKey, type UiLocale } from '../../utils/i18n/strings';
import { KeyboardHelp } from './KeyboardHelp';
import {
  CARD_FONT_SIZE_PX,
  GLOSS_LEVELS,
  GLOSS_MODES,
  HOVER_DELAY_MS,
  SCRIPT_PREFERENCES,
  THEMES,
  UI_LANGUAGES,
  type Settings,
} from '../../utils/settings/settings';

/** What the options page needs from its environment; entrypoints/options/main.tsx wires the real ones. */
export interface OptionsEnv {
  builtIn: readonly CompiledEntry[];
  tools: ScriptTools;
  locale: UiLocale;
  settings: Settings;
  glossary: PersonalGlossary;
  updateSettings(patch: Partial<Settings>): Promise<unknown>;
  updateGlossary(change: (current: PersonalGlossary) => PersonalGlossary): Promise<unknown>;
  /** Turns the reader off on another site (forgets it and gives back its permission). */
  removeSite(origin: string): Promise<unknown>;
  download(name: string, text: string, type: string): void;
}

type Notice = { kind: 'status' | 'alert'; text: string } | null;

const env = () => ({ now: new Date(), newId: () => crypto.randomUUID() });

export function OptionsApp(props: OptionsEnv) {
  const { locale } = props;
  return (
    <main class="options" lang={locale === 'zh' ? 'zh-Hant' : 'en'}>
      <h1>{t(locale, 'options.title')}</h1>
      <SettingsForm {...props} />
      <GlossaryEditor {...props} />
      <BuiltInHiding {...props} />
      <ImportExport {...props} />
      <KeyboardHelp locale={locale} />
      <AboutSection locale={locale} />
    </main>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  text: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

function SettingsForm({ locale, settings, updateSettings, removeSite }: OptionsEnv) {
  const set = (patch: Partial<Settings>) => void updateSettings(patch);
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t(locale, 'options.settings')}</h2>
      <Choice
        label={t(locale, 'options.language')}
        value={settings.uiLanguage}
        options={UI_LANGUAGES}
        text={(v) => t(locale, `options.language.${v}`)}
        onChange={(uiLanguage) => set({ uiLanguage })}
      />
      <Choice
        label={t(locale, 'options.script')}
        value={settings.script}
        options={SCRIPT_PREFERENCES}
        text={(v) => t(locale, `options.script.${v}`)}
        onChange={(script) => set({ script })}
      />
      <Choice
        label={t(locale, 'options.glossMode')}
        value={settings.glossMode}
        options={GLOSS_MODES}
        text={(v) => t(locale, `options.glossMode.${v}`)}
        onChange={(glossMode) => set({ glossMode })}
      />
      <Choice
        label={t(locale, 'options.glossLevel')}
        value={settings.glossLevel}
        options={GLOSS_LEVELS}
        text={(v) => t(locale, `options.glossLevel.${v}`)}
        onChange={(glossLevel) => set({ glossLevel })}
      />
      <fieldset>
        <legend>{t(locale, 'options.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="checkbox"
              checked={settings.glossCategories.includes(c)}
              onChange={(e) =>
                set({
                  glossCategories: e.currentTarget.checked
                    ? [...settings.glossCategories, c]
                    : settings.glossCategories.filter((x) => x !== c),
                })
              }
            />
            {categoryLabel(locale, c)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t(locale, 'options.hoverDelay')}</span>
        <input
          type="number"
          min={HOVER_DELAY_MS.min}
          max={HOVER_DELAY_MS.max}
          step={HOVER_DELAY_MS.step}
          value={settings.hoverDelayMs}
          onChange={(e) => set({ hoverDelayMs: number(e.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>{t(locale, 'options.fontSize')}</span>
        <input
          type="number"
          min={CARD_FONT_SIZE_PX.min}
          max={CARD_FONT_SIZE_PX.max}
          step={CARD_FONT_SIZE_PX.step}
          value={settings.cardFontSize}
          onChange={(e) => set({ cardFontSize: number(e.currentTarget.value) })}
        />
      </label>
      <Choice
        label={t(locale, 'options.theme')}
        value={settings.theme}
        options={THEMES}
        text={(v) => t(locale, `options.theme.${v}`)}
        onChange={(theme) => set({ theme })}
      />
      <DictionaryControls locale={locale} settings={settings} onChange={set} />
      <h3>{t(locale, 'options.sites')}</h3>
      <p class="hint">{t(locale, 'options.sitesHint')}</p>
      {settings.allowedOrigins.length === 0 ? (
        <p>{t(locale, 'options.sitesNone')}</p>
      ) : (
        <ul class="sites">
          {settings.allowedOrigins.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>{' '}
              <button type="button" aria-label={`${t(locale, 'options.remove')} ${origin}`} onClick={() => void removeSite(origin)}>
                {t(locale, 'options.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const TEXT_FIELDS = ['term', 'english', 'simplified', 'pinyin'] as const;
type Draft = Record<PersonalField, string>;
const EMPTY_DRAFT: Draft = { term: '', english: '', simplified: '', pinyin: '', explanation: '', category: '' };

function GlossaryEditor({ locale, glossary, tools, updateGlossary }: OptionsEnv) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validatePersonalFields(draft);
    if (!checked.ok) {
      setProblems(checked.problems.map((p) => rowProblemText(locale, p)));
      setNotice(null);
      return;
    }
    setProblems([]);
    let outcome: Notice = null;
    try {
      await updateGlossary((current) => {
        const result = upsertPersonalEntry(current, checked.fields, { tools, ...env() }, editing ?? undefined);
        if (!result.ok) {
          outcome = {
            kind: 'alert',
            text:
              result.reason === 'duplicate'
                ? tf(locale, 'options.duplicate', { term: result.existing.term })
                : tf(locale, 'options.full', { max: MAX_PERSONAL_ENTRIES }),
          };
          return current;
        }
        outcome = { kind: 'status', text: tf(locale, editing ? 'options.updated' : 'options.added', { term: result.entry.term }) };
        return result.glossary;
      });
    } catch (error) {
      outcome = { kind: 'alert', text: tf(locale, 'options.saveFailed', { error: String(error) }) };
    }
    setNotice(outcome);
    if ((outcome as Notice)?.kind === 'status') {
      setDraft(EMPTY_DRAFT);
      setEditing(null);
    }
  };

  const edit = (entry: PersonalEntry) => {
    setEditing(entry.id);
    setProblems([]);
    setNotice(null);
    setDraft({
      term: entry.term,
      english: entry.english,
      simplified: entry.simplified ?? '',
      pinyin: entry.pinyin ?? '',
      explanation: entry.explanation ?? '',
      category: entry.category ?? '',
    });
  };

  const remove = async (entry: PersonalEntry) => {
    await updateGlossary((current) => removePersonalEntry(current, entry.id));
    if (editing === entry.id) {
      setEditing(null);
      setDraft(EMPTY_DRAFT);
    }
    setNotice({ kind: 'status', text: tf(locale, 'options.deleted', { term: entry.term }) });
  };

  const field = (name: PersonalField) => ({
    value: draft[name],
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [name]: e.currentTarget.value }),
  });

  return (
    <section aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">{t(locale, 'options.glossary')}</h2>
      <p class="hint">{t(locale, 'options.glossaryHint')}</p>
      <form class="entry-form" onSubmit={(e) => void submit(e)} aria-label={t(locale, editing ? 'options.editEntry' : 'options.newEntry')}>
        {TEXT_FIELDS.map((name) => (
          <label class="field" key={name}>
            <span>{t(locale, `options.field.${name}`)}</span>
            <input type="text" {...field(name)} required={name === 'term' || name === 'english'} />
          </label>
        ))}
        <label class="field">
          <span>{t(locale, 'options.field.explanation')}</span>
          <textarea rows={2} {...field('explanation')} />
        </label>
        <label class="field">
          <span>{t(locale, 'options.field.category')}</span>
          <select {...field('category')}>
            <option value="">{t(locale, 'options.categoryNone')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(locale, c)}
              </option>
            ))}
          </select>
        </label>
        <div class="buttons">
          <button type="submit">{t(locale, editing ? 'options.save' : 'options.add')}</button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setDraft(EMPTY_DRAFT);
                setProblems([]);
              }}
            >
              {t(locale, 'options.cancel')}
            </button>
          )}
        </div>
      </form>
      {problems.length > 0 && (
        <ul role="alert" class="problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <NoticeLine notice={notice} />
      {glossary.entries.length === 0 ? (
        <p>{t(locale, 'options.entriesEmpty')}</p>
      ) : (
        <table class="entries">
          <thead>
            <tr>
              <th scope="col">{t(locale, 'options.field.term')}</th>
              <th scope="col">{t(locale, 'options.field.english')}</th>
              <th scope="col">{t(locale, 'options.field.category')}</th>
              <th scope="col">
                <span class="visually-hidden">{t(locale, 'options.status')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {glossary.entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <span lang="zh-Hant">{e.trad}</span>
                  {e.simp !== e.trad && (
                    <>
                      {' / '}
                      <span lang="zh-Hans">{e.simp}</span>
                    </>
                  )}
                  {e.pinyin && <div class="pinyin">{e.pinyin}</div>}
                </td>
                <td lang="en">{e.english}</td>
                <td>{e.category ? categoryLabel(locale, e.category) : ''}</td>
                <td class="actions">
                  <button type="button" aria-label={`${t(locale, 'options.edit')} ${e.term}`} onClick={() => edit(e)}>
                    {t(locale, 'options.edit')}
                  </button>
                  <button type="button" aria-label={`${t(locale, 'options.delete')} ${e.term}`} onClick={() => void remove(e)}>
                    {t(locale, 'options.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BuiltInHiding({ locale, builtIn, glossary, updateGlossary }: OptionsEnv) {
  const [query, setQuery] = useState('');
  const hidden = useMemo(() => new Set(glossary.hidden), [glossary.hidden]);
  const shown = useMemo(
    () => (query.trim() ? searchBuiltIn(builtIn, query) : builtIn.filter((e) => hidden.has(e.id))),
    [builtIn, query, hidden],
  );
  return (
    <section aria-labelledby="builtin-heading">
      <h2 id="builtin-heading">{t(locale, 'options.builtIn')}</h2>
      <label class="field">
        <span>{t(locale, 'options.search')}</span>
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p class="hint">{tf(locale, 'options.hiddenCount', { n: glossary.hidden.length })}</p>
      {query.trim() && shown.length === 0 && <p>{t(locale, 'options.noResults')}</p>}
      <ul class="builtin">
        {shown.map((e) => (
          <li key={e.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={hidden.has(e.id)}
                onChange={(ev) => void updateGlossary((g) => setBuiltInHidden(g, e.id, ev.currentTarget.checked))}
              />
              {t(locale, 'options.hide')}
            </label>{' '}
            <span lang="zh-Hant">{e.trad}</span> <span lang="en">{e.en}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

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

function ImportExport({ locale, glossary, tools, updateGlossary, download }: OptionsEnv) {
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
                      {t(locale, `options.field.${c}` as StringKey)}
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

function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <>
      <p role="status" class="notice">
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      {notice?.kind === 'alert' && (
        <p role="alert" class="notice error">
          {notice.text}
        </p>
      )}
    </>
  );
}
