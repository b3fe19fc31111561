import { NoticeLine, type Notice } from './NoticeLine';
import { optionsEnv as env, type OptionsEnv } from './options-env';
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { MAX_PERSONAL_ENTRIES, removePersonalEntry, upsertPersonalEntry, validatePersonalFields, type PersonalEntry, type PersonalField } from '../../utils/glossary/personal-entry';
import { CATEGORIES } from '../../utils/glossary/types';
import { rowProblemText } from '../../utils/i18n/glossary-problems';
import { categoryLabel, t, tf } from '../../utils/i18n/page-strings';

const TEXT_FIELDS = ['term', 'english', 'simplified', 'pinyin'] as const;
type Draft = Record<PersonalField, string>;
const EMPTY_DRAFT: Draft = { term: '', english: '', simplified: '', pinyin: '', explanation: '', category: '' };

/** The personal glossary: add, edit and remove the reader's own entries. */
export function GlossaryEditor({ locale, glossary, tools, updateGlossary }: OptionsEnv) {
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
