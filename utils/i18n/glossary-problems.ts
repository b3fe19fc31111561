import type { FileProblem, RowProblem } from '../glossary/personal-csv';
import { tf, t, type UiLocale } from './page-strings';

/** A file the import refused, in words. */
export function fileProblemText(locale: UiLocale, problem: FileProblem | { code: 'unreadable' }): string {
  switch (problem.code) {
    case 'too-large':
      return tf(locale, 'options.file.too-large', { max: problem.max.toLocaleString(locale) });
    case 'too-many-rows':
      return tf(locale, 'options.file.too-many-rows', { max: problem.max });
    case 'unterminated-quote':
      return tf(locale, 'options.file.unterminated-quote', { line: problem.line });
    case 'missing-columns':
      return tf(locale, 'options.file.missing-columns', { columns: problem.columns.join(', ') });
    case 'duplicate-column':
      return tf(locale, 'options.file.duplicate-column', { column: problem.column });
    default:
      return t(locale, `options.file.${problem.code}`);
  }
}

/** One problem of an entry or an imported row, naming the field as the form labels it. */
export function rowProblemText(locale: UiLocale, problem: RowProblem): string {
  if (!('field' in problem)) {
    return problem.code === 'duplicate-row'
      ? tf(locale, 'options.problem.duplicate-row', { line: problem.line })
      : t(locale, 'options.problem.extra-fields');
  }
  const field = t(locale, `options.field.${problem.field}`);
  switch (problem.code) {
    case 'too-long':
      return tf(locale, 'options.problem.too-long', { field, max: problem.max });
    case 'unknown-category':
      return tf(locale, 'options.problem.unknown-category', { value: problem.value });
    default:
      return tf(locale, `options.problem.${problem.code}`, { field });
  }
}
