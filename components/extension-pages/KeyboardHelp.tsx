import { t, type UiLocale } from '../../utils/i18n/page-strings';

const KEYS = [
  ['Alt+Shift+N', 'keys.nextTerm'],
  ['Alt+Shift+P', 'keys.previousTerm'],
  ['Alt+Shift+.', 'keys.nextWord'],
  ['Alt+Shift+,', 'keys.previousWord'],
  ['Escape', 'keys.escape'],
  ['Alt+Shift+H', 'keys.highlight'],
  ['Alt+Shift+S', 'keys.script'],
  ['Alt+Shift+G', 'keys.glosses'],
] as const;

/** The keyboard's way through an article: term marks are not tab stops, the term cursor walks them. */
export function KeyboardHelp({ locale }: { locale: UiLocale }) {
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t(locale, 'keys.heading')}</h2>
      <p>{t(locale, 'keys.intro')}</p>
      <dl class="keys">
        {KEYS.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(locale, label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
