/** A set of change listeners; one that throws is reported and the others still hear the change. */
export function createListeners<A extends unknown[]>(onError: (error: unknown) => void) {
  const listeners = new Set<(...args: A) => void>();
  return {
    add(listener: (...args: A) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tell(...args: A): void {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
