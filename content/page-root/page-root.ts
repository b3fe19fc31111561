/** A feature the page runs: started once, in its place in the start order, stopped once. */
export interface FeatureSpec<T> {
  name: string;
  /** Null when the feature has nothing to do on this page (then it is not running, and later ones do not start). */
  start(): T | null | Promise<T | null>;
  stop(running: T): void;
}

export interface PageRoot {
  /** Starts a feature after every one started before it; resolves with it, or null when it did not start. */
  start<T>(spec: FeatureSpec<T>): Promise<T | null>;
  /**
   * The feature once it has started: a listener registered before it asks here and its request
   * waits. Rejects with a clear reason when the page stops first or the feature does not start.
   */
  when<T>(name: string): Promise<T>;
  /** The feature if it is running now (for a synchronous question such as a count). */
  get<T>(name: string): T | undefined;
  /** Stops and starts one running feature again in its place (a change it cannot follow live). */
  restart(name: string): Promise<void>;
  /** Names of the running features, in start order. */
  running(): string[];
  /** Stops every feature in the reverse order of starting; what asks afterwards is refused. */
  stop(): void;
  readonly stopped: boolean;
}

interface Waiter {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Running {
  name: string;
  value: unknown;
  spec: FeatureSpec<unknown>;
}

/**
 * The article page's lifecycle: one ordered list of features, one place that answers "is it ready",
 * one teardown. The order is the order of `start` calls; each waits for the one before.
 */
export function createPageRoot(onStopError: (name: string, error: unknown) => void): PageRoot {
  const running: Running[] = [];
  const waiters = new Map<string, Waiter[]>();
  const refused = new Map<string, string>();
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const settle = (name: string, outcome: { value: unknown } | { error: Error }) => {
    for (const waiter of waiters.get(name) ?? []) {
      if ('value' in outcome) waiter.resolve(outcome.value);
      else waiter.reject(outcome.error);
    }
    waiters.delete(name);
  };
  const refuse = (name: string, reason: string) => {
    refused.set(name, reason);
    settle(name, { error: new Error(reason) });
  };
  const stopOne = (entry: Running) => {
    try {
      entry.spec.stop(entry.value);
    } catch (error) {
      onStopError(entry.name, error);
    }
  };

  const startNow = async <T>(spec: FeatureSpec<T>): Promise<T | null> => {
    if (stopped) return null;
    let value: T | null;
    try {
      value = await spec.start();
    } catch (error) {
      refuse(spec.name, `${spec.name} could not start: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (value === null) {
      refuse(spec.name, `${spec.name} is not running on this page`);
      return null;
    }
    // The page stopped while this one was starting: it stops at once instead of being left behind.
    if (stopped) {
      stopOne({ name: spec.name, value, spec: spec as FeatureSpec<unknown> });
      return null;
    }
    running.push({ name: spec.name, value, spec: spec as FeatureSpec<unknown> });
    refused.delete(spec.name);
    settle(spec.name, { value });
    return value;
  };

  return {
    start(spec) {
      const started = chain.then(() => startNow(spec));
      // A failed feature is reported to its caller; the ones after it still wait their turn, not forever.
      chain = started.catch(() => undefined);
      return started;
    },
    when<T>(name: string) {
      const found = running.find((r) => r.name === name);
      if (found) return Promise.resolve(found.value as T);
      const reason = stopped ? 'the reader has stopped on this page' : refused.get(name);
      if (reason) return Promise.reject(new Error(reason));
      return new Promise<T>((resolve, reject) => {
        const list = waiters.get(name) ?? [];
        list.push({ resolve: resolve as (value: unknown) => void, reject });
        waiters.set(name, list);
      });
    },
    get: <T>(name: string) => running.find((r) => r.name === name)?.value as T | undefined,
    async restart(name) {
      const at = running.findIndex((r) => r.name === name);
      if (at < 0 || stopped) return;
      const entry = running[at]!;
      running.splice(at, 1);
      stopOne(entry);
      const value = await entry.spec.start();
      if (value === null || stopped) {
        if (value !== null) stopOne({ ...entry, value });
        refuse(name, `${name} is not running on this page`);
        return;
      }
      running.splice(at, 0, { ...entry, value });
    },
    running: () => running.map((r) => r.name),
    stop() {
      if (stopped) return;
      stopped = true;
      for (const entry of running.splice(0).reverse()) stopOne(entry);
      for (const name of [...waiters.keys()]) refuse(name, 'the reader has stopped on this page');
    },
    get stopped() {
      return stopped;
    },
  };
}
