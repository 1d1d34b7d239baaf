import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { HealthCheck } from '@baoxun/shared/service/health.check';

export const MONGO_HEALTH = Symbol('MONGO_HEALTH');

/** The store answers a ping: reads and writes can go through. */
export const mongoHealthProvider: Provider = {
  provide: MONGO_HEALTH,
  inject: [getConnectionToken()],
  useFactory: (connection: Connection): HealthCheck => ({
    name: 'store',
    async check() {
      // The ping decides, not readyState: mongoose's cached state can stay "disconnected" after the driver has
      // reconnected, and a check that never comes back up would hold the api's work forever.
      if (!connection.db) return { status: 'down', detail: `mongoose connection state ${connection.readyState}` };
      await connection.db.admin().ping();
      return { status: 'up' };
    },
  }),
};
