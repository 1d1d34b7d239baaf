import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * What the store can do. The queries are the same on both stores; only the repositories (batches by _id,
 * counting) and index setup look at this.
 */
export interface StoreCapabilities {
  /**
   * FerretDB v1: an update is an unlocked read-modify-write, `$in` and `$or` are not pushed down, and every
   * document a query matches is decoded, so batches by _id go one request per id (IdBatch).
   */
  readonly ferretDb: boolean;
  /**
   * The store runs flat filters (top-level equality, `$all`, a range) in its database: MongoDB, and FerretDB on
   * PostgreSQL. Not FerretDB on SQLite, which pushes down only {_id}; there secondary indexes are not created
   * (none would be used, and each write would pay for them).
   */
  readonly flatFilterPushdown: boolean;
  readonly version: string;
}

export const STORE_CAPABILITIES = Symbol('STORE_CAPABILITIES');

export const storeCapabilitiesProvider: Provider = {
  provide: STORE_CAPABILITIES,
  inject: [getConnectionToken()],
  useFactory: async (connection: Connection): Promise<StoreCapabilities> => {
    await connection.asPromise();
    const db = connection.db;
    if (!db) throw new Error('the store connection has no database');
    const info = (await db.admin().command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string };
    const ferretDb = typeof info.ferretdbVersion === 'string';
    // FerretDB says in explain whether it handed the filter to its backend (only for a collection that exists).
    // Retried: FerretDB drops the connection when replicas starting together create the same table at once.
    let probe: { filterPushdown?: boolean } | null = null;
    for (let attempt = 1; ferretDb && probe === null; attempt++) {
      try {
        await db.createCollection('articles').catch((error: unknown) => {
          if ((error as { codeName?: string })?.codeName !== 'NamespaceExists') throw error;
        });
        probe = (await db.collection('articles').find({ live: true }).limit(1).explain()) as { filterPushdown?: boolean };
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
    return { ferretDb, flatFilterPushdown: !ferretDb || probe?.filterPushdown === true, version: info.ferretdbVersion ?? info.version ?? 'unknown' };
  },
};
