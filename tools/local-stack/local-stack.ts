import { join } from 'node:path';
import { getFreePort } from '../infra/free-port.util';
import { SERVICE_NAMES, type ServiceName, ServiceProcess } from './service-process';

export interface LocalStackOptions {
  natsUrl: string;
  mongoUrl: string;
  logDir: string;
  /** Fixed HTTP ports (npm start uses 3000-3003 when free); otherwise free ports are picked. */
  ports?: Partial<Record<ServiceName, number>>;
  /** Replicas per service; parser and enricher scale out on the same durable consumers. */
  replicas?: Partial<Record<ServiceName, number>>;
  /** Extra environment for every service (e.g. LOG_LEVEL, MAX_IN_FLIGHT). */
  env?: Record<string, string>;
}

export interface LocalStack {
  services: Record<ServiceName, ServiceProcess[]>;
  apiUrl: string;
  ingestUrl: string;
  stop(): Promise<void>;
}

/** Starts the four services as separate processes, all at once, and waits until each answers /health. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const services = {} as Record<ServiceName, ServiceProcess[]>;
  for (const name of SERVICE_NAMES) {
    const count = options.replicas?.[name] ?? 1;
    services[name] = [];
    for (let replica = 0; replica < count; replica++) {
      const fixed = replica === 0 ? options.ports?.[name] : undefined;
      services[name].push(
        new ServiceProcess({
          name,
          replica: count > 1 ? replica : undefined,
          port: fixed ?? (await getFreePort()),
          env: { NATS_URL: options.natsUrl, MONGO_URL: options.mongoUrl, LOG_LEVEL: 'info', ...options.env },
          logFile: join(options.logDir, count > 1 ? `${name}-${replica}.log` : `${name}.log`),
        }),
      );
    }
  }
  const all = Object.values(services).flat();
  const started = await Promise.allSettled(all.map((service) => service.start()));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const stop = async () => {
    await Promise.all(all.map((service) => service.stop()));
  };
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { services, apiUrl: services.api[0].url, ingestUrl: services.ingest[0].url, stop };
}
