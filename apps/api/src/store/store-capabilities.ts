import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** What the store can do; the queries are the same on both, only planning hints and index setup differ. */
export interface StoreCapabilities {
  /**
   * FerretDB v1 (SQLite) uses no index for any query: it pushes only {_id: <string>} down to SQLite, and even
   * that filter does not match the expression its _id index was built on, so every query reads the collection.
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
