/**
 * Allows at most `max` actions in any `windowMs`; the rest are refused. Opening a tab is something
 * a page could otherwise ask for in a loop (through the content script's "All notes").
 */
export function createRateLimit(options: { max: number; windowMs: number; now?: () => number }): () => boolean {
  const now = options.now ?? (() => Date.now());
  let recent: number[] = [];
  return () => {
    const t = now();
    recent = recent.filter((at) => t - at < options.windowMs);
    if (recent.length >= options.max) return false;
    recent.push(t);
    return true;
  };
}
