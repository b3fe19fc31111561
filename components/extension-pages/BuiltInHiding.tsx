import type { OptionsEnv } from './options-env';
import { useMemo, useState } from 'preact/hooks';
import { setBuiltInHidden } from '../../utils/glossary/personal-entry';
import { searchBuiltIn } from '../../utils/glossary/personal-merge';
import { t, tf } from '../../utils/i18n/page-strings';

/** Hides built-in entries the reader does not want marked. */
export function BuiltInHiding({ locale, builtIn, glossary, updateGlossary }: OptionsEnv) {
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
