import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';
import { createMatcher } from '../../utils/glossary/matcher';
import { ArticleSchema, parseAnnotation, SentencesSchema, type Article, type Sentence } from '../../utils/evaluation/annotations';
import { recall, reviewedPrecision, sentencePrecision, trapsMarked, type ScoreTools, type Tally } from '../../utils/evaluation/score';
import { matchIndexOf } from '../../utils/glossary/match-index';
import type { GlossaryIndex } from '../../utils/glossary/types';
import { articleMatches } from './glossary-report';
import { readFixture, SITE_PAGES } from './site-fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
export const EVALUATION_DIR = join(ROOT, 'tests', 'evaluation');
const SNAPSHOT = join(ROOT, 'tests', 'unit', 'glossary', '__snapshots__', 'glossary-on-fixtures.test.ts.snap');

export interface Annotations {
  articles: { name: string; article: Article }[];
  sentences: Sentence[];
  /** Files that could not be read, each with what is wrong; the rest are still scored. */
  problems: string[];
}

function readYaml(file: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

/** Reads `articles/*.yaml` and `sentences/*.yaml`; a broken file is reported by name and skipped. */
export function readAnnotations(dir = EVALUATION_DIR): Annotations {
  const out: Annotations = { articles: [], sentences: [], problems: [] };
  const yamlFiles = (sub: string) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  for (const file of yamlFiles('articles')) {
    const raw = readYaml(join(dir, 'articles', file));
    const parsed = raw.ok ? parseAnnotation(ArticleSchema, raw.value) : { ok: false as const, problems: [raw.problem] };
    if (parsed.ok) out.articles.push({ name: file.replace(/\.yaml$/, ''), article: parsed.value });
    else out.problems.push(...parsed.problems.map((p) => `articles/${file}: ${p}`));
  }
  for (const file of yamlFiles('sentences')) {
    const raw = readYaml(join(dir, 'sentences', file));
    const parsed = raw.ok ? parseAnnotation(SentencesSchema, raw.value) : { ok: false as const, problems: [raw.problem] };
    if (parsed.ok) out.sentences.push(...parsed.value);
    else out.problems.push(...parsed.problems.map((p) => `sentences/${file}: ${p}`));
  }
  return out;
}

/** The reviewed marks per fixture test, from the Vitest snapshot (each a "text → id" string). */
export function readReviewedSnapshot(file = SNAPSHOT): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const source = readFileSync(file, 'utf8');
  for (const [, name, body] of source.matchAll(/exports\[`([^`]*)`\] = `([\s\S]*?)`;/g)) {
    const marks = [...body!.matchAll(/^\s*("(?:[^"\\]|\\.)*"),?$/gm)].map((m) => JSON.parse(m[1]!) as string);
    out.set(name!, marks);
  }
  return out;
}

const percent = ({ right, total }: Tally) => (total ? `${((100 * right) / total).toFixed(1)}% (${right}/${total})` : 'n/a');

/**
 * The evaluation's figures and the lists behind them, as printed by `npm run glossary:check`. The
 * missed held-out terms are listed only when asked for: whoever grows the glossary while running
 * the check must not be shown the answers, or the held-out figures stop meaning anything.
 */
export function evaluationReport(index: GlossaryIndex, annotations = readAnnotations(), { listMissed = false } = {}): string[] {
  const matcher = createMatcher(index);
  const tools: ScoreTools = { entries: index.entries, match: matcher.match, toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) };
  const { articles, sentences, problems } = annotations;
  const found = recall(articles, tools);
  const inSentences = sentencePrecision(sentences, tools);
  const traps = trapsMarked(articles, tools);
  const reviewed = readReviewedSnapshot();
  const fixtures: Tally = { right: 0, total: 0 };
  const unreviewed: string[] = [];
  for (const [path, file] of Object.entries(SITE_PAGES)) {
    const current = articleMatches(index, readFixture(file), `https://www.pf.org.tw${path}`).map(([text, id]) => `${text} → ${id}`);
    const result = reviewedPrecision(current, reviewed.get(`the whole glossary > marks exactly the reviewed terms on ${path} 1`) ?? []);
    fixtures.right += result.right;
    fixtures.total += result.total;
    unreviewed.push(...result.unreviewed.map((m) => `${path}: ${m}`));
  }
  const precision: Tally = {
    right: inSentences.right + fixtures.right,
    total: inSentences.total + fixtures.total + traps.marked.length,
  };
  const size = (data: unknown) => {
    const json = Buffer.from(JSON.stringify(data));
    return `${(json.length / 1024).toFixed(1)} kB, ${(gzipSync(json).length / 1024).toFixed(1)} kB gzipped`;
  };
  const languages = { zh: 0, en: 0 };
  for (const { article } of articles) languages[article.language]++;
  return [
    `evaluation: ${articles.length} articles (${languages.zh} Chinese, ${languages.en} English), ${sentences.length} test sentences`,
    ...problems.map((p) => `  unreadable: ${p}`),
    `  recall, Chinese pages: ${percent(found.byLanguage.zh)}; English pages: ${percent(found.byLanguage.en)}` +
      ` (target 75%; ${found.dictionaryTerms} everyday terms left to the dictionary)`,
    `  precision: ${percent(precision)} (target 98%): test sentences ${percent(inSentences)}, ` +
      `fixture pages against the reviewed snapshot ${percent(fixtures)}, traps marked ${traps.marked.length} of ${traps.total}`,
    `  match index (what a page gets before marking): ${size(matchIndexOf(index))}; whole index (the background's): ${size(index)}`,
    ...traps.marked.map((t) => `  trap marked: ${t}`),
    ...inSentences.differences.map(
      (d) => `  sentence ${d.text}${d.wrong.length ? ` wrong: ${d.wrong.join(', ')}` : ''}${d.missing.length ? ` missing: ${d.missing.join(', ')}` : ''}`,
    ),
    ...unreviewed.map((m) => `  unreviewed mark: ${m}`),
    ...(listMissed
      ? found.missed.map(
          (m) => `  missed: ${m.article}: ${m.term} (${m.expect.join(' / ')})${m.shown.length ? ` shown ${m.shown.join(', ')}` : ''}`,
        )
      : [`  ${found.missed.length} held-out terms missed, not listed (npm run glossary:check -- --missed lists them)`]),
  ];
}
