import { credsAuthenticator, connect, type ConnectionOptions, type NatsConnection } from 'nats';
import { readFileSync } from 'node:fs';
import type { NatsSettings } from '../config/service.config';

/** Connects with unlimited reconnects: a broker restart must never take a service down with it. */
export async function connectNats(settings: NatsSettings, name: string): Promise<NatsConnection> {
  const options: ConnectionOptions = {
    servers: settings.NATS_URL.split(',').map((url) => url.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
  };
  if (settings.NATS_USER) Object.assign(options, { user: settings.NATS_USER, pass: settings.NATS_PASSWORD ?? '' });
  if (settings.NATS_CREDS_FILE) options.authenticator = credsAuthenticator(readFileSync(settings.NATS_CREDS_FILE));
  return connect(options);
}
