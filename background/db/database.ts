import Dexie, { type Table, type Transaction } from 'dexie';
import type { Highlight, SavedTerm } from '../../utils/highlights/types';
import type { TrashRecord } from './trash-store';

export const DB_NAME = 'prospect-reader';
export const SENTINEL_KEY = 'sentinel';

/**
 * A marker written when the database is created. If the browser evicts or wipes the database,
 * the marker goes with it, and a recreated database carries a different one (see checkIntegrity).
 */
export interface SentinelRecord {
  key: typeof SENTINEL_KEY;
  /** A UUID unique to this creation of the database. */
  value: string;
  created: string;
}

export type MetaRecord = SentinelRecord;

/** The schema as shipped in the first release. Kept verbatim: Dexie needs every past version to upgrade from. */
export const SCHEMA_V1 = {
  highlights: 'id, articleUrl, created, modified, color, *tags',
  savedTerms: 'id, termId, articleUrl, created, [termId+articleUrl]',
  meta: 'key',
} as const;

/**
 * Version 2 indexes a highlight by its article and exact quote, so saving the same passage twice
 * (or importing a backup twice) is found by one index lookup. IndexedDB builds a new index over
 * the existing records itself, so no upgrade() is needed.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  highlights: `${SCHEMA_V1.highlights}, [articleUrl+quote.exact]`,
} as const;

/**
 * Version 3 adds "Recently deleted": a deleted highlight or saved term moves there whole, with the
 * time it was deleted, and comes back from there unchanged (see trash-store.ts).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  trash: 'key, deleted, kind, articleUrl',
} as const;

export interface ProspectDbOptions {
  /** Another database name, e.g. to isolate tests. */
  name?: string;
  /** Another IndexedDB implementation (with its IDBKeyRange), e.g. a fresh fake-indexeddb factory. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Makes the sentinel's id; defaults to crypto.randomUUID. */
  newId?: () => string;
  /** The clock for the sentinel's creation time. */
  now?: () => Date;
}

export class ProspectDb extends Dexie {
  // Plain Tables, not EntityTables: every record arrives with its id (a UUID made by the caller).
  declare highlights: Table<Highlight, string>;
  declare savedTerms: Table<SavedTerm, string>;
  declare meta: Table<MetaRecord, string>;
  declare trash: Table<TrashRecord, string>;

  constructor(options: ProspectDbOptions = {}) {
    // Dexie's options override its defaults even when undefined, so only pass what was given.
    super(options.name ?? DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);

    const newId = options.newId ?? (() => crypto.randomUUID());
    const now = options.now ?? (() => new Date());
    // 'populate' runs once, in the transaction that creates the database.
    this.on('populate', (tx: Transaction) => {
      const sentinel: SentinelRecord = { key: SENTINEL_KEY, value: newId(), created: now().toISOString() };
      return tx.table<MetaRecord, string>('meta').add(sentinel);
    });
  }
}
