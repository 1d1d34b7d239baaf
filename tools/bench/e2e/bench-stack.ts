// A private baoxun for one scenario: nats-server and FerretDB on free ports with fresh data (or NATS_URL /
// MONGO_URL with a database of its own), the services as processes from dist/, a NATS connection for the
// scanner and the lag monitor, a store connection for the final read, and a sampler over every process.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { startInfra } from '../../infra/infra.service';
import type { Infra, LogFn } from '../../infra/infra.types';
import { getFreePort } from '../../infra/free-port.util';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack';
import { type ServiceName, ServiceProcess } from '../../local-stack/service-process';
import { childProcesses, type WatchedProcess } from '../system/process.sampler';

export interface BenchStackOptions {
  label: string;
  /** Replicas of parser and enricher (1 or 2 in the benchmark). */
  replicas: number;
  /** Only the api (the API benchmark loads the store through the api's consumers). */
  apiOnly?: boolean;
  env?: Record<string, string>;
  /** Directory for the services' .cpuprofile files (node --cpu-prof), when profiling. */
  cpuProfileDir?: string;
  log: LogFn;
}

export interface BenchStack {
  label: string;
  infra: Infra;
  services: Partial<Record<ServiceName, ServiceProcess[]>>;
  apiUrl: string;
  nats: NatsConnection;
  jsm: JetStreamManager;
  db: mongoose.Connection;
  logDir: string;
  /** Every process worth sampling: each service replica, nats-server, FerretDB and this process. */
  processes(): WatchedProcess[];
  stop(): Promise<void>;
}

/** Stacks not stopped yet, so that Ctrl-C can stop them (the servers' own exit hook only covers nats and FerretDB). */
export const activeStacks = new Set<BenchStack>();

function databaseUrl(mongoUrl: string, name: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const infra = await startInfra({ log: options.log });
  const logDir = mkdtempSync(join(tmpdir(), `baoxun-bench-${options.label}-`));
  const mongoUrl = databaseUrl(infra.mongoUrl, `bench_${options.label.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`);
  const env: Record<string, string> = { LOG_LEVEL: 'info', ...options.env };
  if (options.cpuProfileDir) {
    mkdirSync(options.cpuProfileDir, { recursive: true });
    // node refuses --cpu-prof in NODE_OPTIONS; a preload that drives the inspector does the same.
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, '..', 'profile', 'cpu-profile.preload.js')}`.trim();
    env.BENCH_CPU_PROFILE_DIR = options.cpuProfileDir;
  }
  let local: LocalStack | undefined;
  let apiOnly: ServiceProcess | undefined;
  try {
    if (options.apiOnly) {
      apiOnly = new ServiceProcess({ name: 'api', port: await getFreePort(), env: { NATS_URL: infra.natsUrl, MONGO_URL: mongoUrl, ...env }, logFile: join(logDir, 'api.log') });
      await apiOnly.start();
    } else {
      local = await startLocalStack({ natsUrl: infra.natsUrl, mongoUrl, logDir, env, replicas: { parser: options.replicas, enricher: options.replicas } });
    }
  } catch (error) {
    await apiOnly?.stop();
    await infra.stop();
    throw error;
  }
  const services: Partial<Record<ServiceName, ServiceProcess[]>> = local ? local.services : { api: [apiOnly as ServiceProcess] };
  const nats = await connect({ servers: infra.natsUrl, name: `bench-${options.label}` });
  const jsm = await nats.jetstreamManager();
  const db = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  // PostgreSQL's work is done by its backends, children of the postmaster: sample those too
  const started = childProcesses(process.pid, ['nats-server', 'ferretdb', 'postgres']);
  const servers = [...started, ...started.filter((proc) => proc.name === 'postgres').flatMap((pg) => childProcesses(pg.pid, ['postgres']).map((backend) => ({ name: `postgres backend ${backend.pid}`, pid: backend.pid })))];
  options.log(`${options.label}: services up (${Object.values(services).flat().map((s) => s.name).join(', ')}), logs in ${logDir}`);
  let stopping: Promise<void> | undefined;
  const stack: BenchStack = {
    label: options.label,
    infra,
    services,
    apiUrl: services.api?.[0].url ?? '',
    nats,
    jsm,
    db,
    logDir,
    processes: () => [
      ...Object.values(services)
        .flat()
        .filter((service) => service.pid !== undefined)
        .map((service) => ({ name: service.name, pid: service.pid as number })),
      ...servers,
      { name: 'bench (scanner)', pid: process.pid },
    ],
    stop: () => {
      stopping ??= (async () => {
        await nats.close().catch(() => undefined);
        await db.close().catch(() => undefined);
        if (local) await local.stop();
        await apiOnly?.stop();
        await infra.stop();
        activeStacks.delete(stack);
      })();
      return stopping;
    },
  };
  activeStacks.add(stack);
  return stack;
}
