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

/** The text nodes under `root` that may carry marks, in document order. */
export function collectEligibleText(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const out: Text[] = [];
  if (root.nodeType === 3) {
    if (/\S/.test((root as Text).data)) out.push(root as Text);
    return out;
  }
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 1) return isSkippedElement(node as Element) ? 2 : 3; // REJECT : SKIP
      return /\S/.test((node as Text).data) ? 1 : 3;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}
