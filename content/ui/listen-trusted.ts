import { trustedOnly } from './trusted';

/**
 * Adds capturing, passive listeners that act only on trusted events (the page's own handling goes
 * on untouched); returns the function that removes them all.
 */
export function listenTrusted(listeners: readonly (readonly [EventTarget, string, EventListener])[]): () => void {
  const added = listeners.map(([target, type, fn]) => [target, type, trustedOnly(fn)] as const);
  for (const [target, type, fn] of added) target.addEventListener(type, fn, { capture: true, passive: true });
  return () => {
    for (const [target, type, fn] of added) target.removeEventListener(type, fn, { capture: true });
  };
}
