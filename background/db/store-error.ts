/** Why a database operation failed, in terms the interface can act on. */
export type StoreErrorKind = 'quota' | 'duplicate' | 'not-found' | 'closed' | 'unknown';

const MESSAGES: Record<StoreErrorKind, string> = {
  quota: 'The browser has no storage space left for Prospect Reader; nothing was saved. Free some disk space or export and delete old highlights.',
  duplicate: 'A record with this id is already saved; nothing was changed.',
  'not-found': 'The record no longer exists; it may have been deleted in another tab.',
  closed: 'The database is not available (it was closed, blocked or deleted); nothing was saved.',
  unknown: 'The database refused the change; nothing was saved.',
};

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind], options);
    this.kind = kind;
  }
}

// Error names as IndexedDB and Dexie report them (Dexie wraps the DOM error in `inner`,
// a failed bulk operation lists its causes in `failures`).
const KIND_BY_NAME: Record<string, StoreErrorKind> = {
  QuotaExceededError: 'quota',
  ConstraintError: 'duplicate',
  DatabaseClosedError: 'closed',
  InvalidStateError: 'closed',
  OpenFailedError: 'closed',
  VersionError: 'closed',
  MissingAPIError: 'closed',
};

function kindOf(error: unknown, depth = 0): StoreErrorKind {
  if (depth > 4 || typeof error !== 'object' || error === null) return 'unknown';
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? KIND_BY_NAME[e.name] : undefined;
  if (own) return own;
  const nested = [e.inner, ...(Array.isArray(e.failures) ? e.failures : [])];
  for (const cause of nested) {
    const kind = kindOf(cause, depth + 1);
    if (kind !== 'unknown') return kind;
  }
  return 'unknown';
}

/** Turns whatever Dexie or IndexedDB threw into a StoreError, keeping the original as its cause. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StoreError(kindOf(error), detail, { cause: error });
}

/** Runs a database operation, rethrowing its failure as a StoreError. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}
