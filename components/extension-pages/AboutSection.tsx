import { t, type UiLocale } from '../../utils/i18n/page-strings';

/** Who made what the extension shows: the data's licences (CC-CEDICT asks for attribution). */
export function AboutSection({ locale }: { locale: UiLocale }) {
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">{t(locale, 'options.about')}</h2>
      <p>{t(locale, 'options.aboutText')}</p>
      <p>
        {t(locale, 'options.aboutDictionary')}{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noopener noreferrer">
          CC BY-SA 4.0
        </a>
      </p>
    </section>
  );
}
