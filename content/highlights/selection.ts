/**
 * Which selections may become highlights: one non-empty range that starts and ends inside the
 * article body, holds more than whitespace, and touches no form field or editable area. Anything
 * else (outside the article, in our own UI, the whole page) is refused, never clamped, so the
 * reader never gets a highlight they did not select.
 */
import { OWN_HOST_PREFIX } from '../marking/eligible-text';

export type SelectionRefusal = 'empty' | 'outside-article' | 'whitespace' | 'form-field';

export type SelectionCheck = { ok: true; range: Range } | { ok: false; reason: SelectionRefusal };

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function checkSelection(selection: Selection | null, body: Element): SelectionCheck {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { ok: false, reason: 'empty' };
  const range = selection.getRangeAt(0);
  return checkRange(range, body);
}

export function checkRange(range: Range, body: Element): SelectionCheck {
  if (range.collapsed) return { ok: false, reason: 'empty' };
  const { startContainer, endContainer } = range;
  if (!body.contains(startContainer) || !body.contains(endContainer)) return { ok: false, reason: 'outside-article' };
  if (inField(startContainer) || inField(endContainer) || inOwnUi(startContainer) || inOwnUi(endContainer)) {
    return { ok: false, reason: inOwnUi(startContainer) || inOwnUi(endContainer) ? 'outside-article' : 'form-field' };
  }
  const ancestor = range.commonAncestorContainer;
  if (ancestor.nodeType === 1) {
    for (const field of (ancestor as Element).querySelectorAll(FIELD_SELECTOR)) {
      if (range.intersectsNode(field)) return { ok: false, reason: 'form-field' };
    }
  }
  if (!/\S/.test(range.toString())) return { ok: false, reason: 'whitespace' };
  return { ok: true, range };
}

/** A focused text field holds its own selection, which the document's selection only points near. */
export function focusInField(doc: Document): boolean {
  const active = doc.activeElement;
  return !!active && active.matches(FIELD_SELECTOR);
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Whether the node is in a form field or an editable area (where the reader writes). */
export function inField(node: Node): boolean {
  return !!elementOf(node)?.closest(FIELD_SELECTOR);
}

function inOwnUi(node: Node): boolean {
  for (let el = elementOf(node); el; el = el.parentElement) {
    if (el.tagName.toUpperCase().startsWith(OWN_HOST_PREFIX)) return true;
  }
  return false;
}
