/** The term mark: never marked again inside. */
import { HOST_PREFIX, TAG } from '../../utils/dom-names';
export const TERM_TAG = TAG.term.toUpperCase();
/** Hosts of our shadow-root UI: never marked. Highlights (`PR-HIGHLIGHT`) hold article text and are marked like it. */
export const OWN_HOST_PREFIX = HOST_PREFIX.toUpperCase();

/** Elements whose text is not prose a reader reads: code, forms, navigation, embedded media. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU',
]);

/** Boxes of the site's template that sit inside or beside the body and are not the article. */
const SKIPPED_CLASSES = ['related', 'keywords', 'file_download', 'breadcrumb', 'share', 'album'];

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag === TERM_TAG || tag.startsWith(OWN_HOST_PREFIX)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'navigation' || el.getAttribute('aria-hidden') === 'true') return true;
  const classes = el.classList;
  return SKIPPED_CLASSES.some((c) => classes.contains(c));
}

/** True when the node lies inside something that must not be marked (up to `root`). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) return false;
  }
  return false;
}

/**
 * The text nodes under `root` that `keep` accepts and that lie in no element `skips` (up to
 * `root`, which is not asked), in document order. The walker has no filter: a filter calls into
 * script for every node (30 ms on a 1 MB page, against 1 ms without); each element is asked once.
 */
export function textOutside(root: Node, skips: (el: Element) => boolean, keep: (node: Text) => boolean): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const out: Text[] = [];
  if (root.nodeType === 3) {
    if (keep(root as Text)) out.push(root as Text);
    return out;
  }
  const known = new Map<Element, boolean>();
  const unknown: Element[] = [];
  // Walks up to the nearest element already asked (or the root), then files the answer down the chain.
  const inside = (from: Element | null): boolean => {
    let el = from;
    let answer = false;
    for (; el && el !== root; el = el.parentElement) {
      const seen = known.get(el);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      unknown.push(el);
    }
    while (unknown.length) {
      const next = unknown.pop()!;
      answer ||= skips(next);
      known.set(next, answer);
    }
    return answer;
  };
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (keep(n) && !inside(n.parentElement)) out.push(n);
  }
  return out;
}

const NOT_BLANK = /\S/;

/** The text nodes under `root` that may carry marks, in document order. */
export function collectEligibleText(root: Node): Text[] {
  return textOutside(root, isSkippedElement, (node) => NOT_BLANK.test(node.data));
}
