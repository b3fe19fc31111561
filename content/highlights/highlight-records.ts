/**
 * What this tab holds of the article's highlights: those the background has stored, and those
 * drawn but not yet stored (with the error of the last attempt). It also remembers what is drawn
 * now, so a refetch redraws only when an id or a colour changed.
 */
import type { Highlight } from '../../utils/highlights/types';

export interface Pending {
  highlight: Highlight;
  error?: string;
}

export class HighlightRecords {
  readonly saved = new Map<string, Highlight>();
  readonly pending = new Map<string, Pending>();
  private drawn = '';

  all(): Highlight[] {
    return [...this.saved.values(), ...[...this.pending.values()].map((p) => p.highlight)];
  }

  /** In article order, as anchoring and drawing take them. */
  inOrder(): Highlight[] {
    return this.all().sort((a, b) => a.position.start - b.position.start);
  }

  find(id: string): Highlight | undefined {
    return this.pending.get(id)?.highlight ?? this.saved.get(id);
  }

  /** Replaces the stored ones with the background's list; a pending one it now has is stored. */
  replaceSaved(list: Highlight[]): void {
    this.saved.clear();
    for (const highlight of list) {
      this.saved.set(highlight.id, highlight);
      this.pending.delete(highlight.id);
    }
  }

  /** Records that what is held now is what is drawn. */
  markDrawn(): void {
    this.drawn = signature(this.all());
  }

  drawnIsCurrent(): boolean {
    return signature(this.all()) === this.drawn;
  }
}

function signature(list: Highlight[]): string {
  return list
    .map((h) => `${h.id}:${h.color}`)
    .sort()
    .join('|');
}
