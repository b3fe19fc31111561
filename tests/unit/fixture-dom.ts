import { vi } from 'vitest';
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

/**
 * The shadow roots the code under test attaches (they are closed, so `host.shadowRoot` is null).
 * Call before the code runs; the list fills as roots are made.
 */
export function recordShadowRoots(): Map<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return roots;
}
