/**
 * A stylesheet of ours in the page's head, for what must be styled outside our shadow roots (term
 * marks, highlights, inline glosses). Set as text, never parsed as markup; added once per id.
 * Returns the function that takes it out again.
 */
export function ensurePageStyle(doc: Document, id: string, css: string): () => void {
  if (!doc.getElementById(id)) {
    const style = doc.createElement('style');
    style.id = id;
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => doc.getElementById(id)?.remove();
}
