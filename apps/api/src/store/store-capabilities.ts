import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** What the store can do; the queries are the same on both, only planning hints and index setup differ. */
export interface StoreCapabilities {
  /**
   * FerretDB v1 (SQLite) creates no secondary indexes and pushes only a filter of exactly {_id: <string>} down
   * to SQLite; every other query decodes the whole collection in Go, so the write path goes by _id (IdBatch).
   */
  readonly ferretDb: boolean;
  readonly version: string;
}

export const STORE_CAPABILITIES = Symbol('STORE_CAPABILITIES');

export const storeCapabilitiesProvider: Provider = {
  provide: STORE_CAPABILITIES,
  inject: [getConnectionToken()],
  useFactory: async (connection: Connection): Promise<StoreCapabilities> => {
    await connection.asPromise();
    if (!connection.db) throw new Error('the store connection has no database');
    const info = (await connection.db.admin().command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string };
    return { ferretDb: typeof info.ferretdbVersion === 'string', version: info.ferretdbVersion ?? info.version ?? 'unknown' };
  },
};
