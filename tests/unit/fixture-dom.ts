import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** A fixture page parsed into its own document, scripts inert. */
export function fixtureDocument(file: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
}

export function htmlDocument(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, 'text/html');
}
