import type { z } from 'zod';
import { ApiConfigSchema } from '@baoxun/shared/config/api.config';
import { ConfigError, loadConfig } from '@baoxun/shared/config/config.loader';
import { EnricherConfigSchema } from '@baoxun/shared/config/enricher.config';
import { IngestConfigSchema } from '@baoxun/shared/config/ingest.config';
import { ParserConfigSchema } from '@baoxun/shared/config/parser.config';
import { articleParsed, pageReceived, streams, type EventSubject } from '@baoxun/shared/contracts/subjects.registry';
import type { K8sObject } from './deploy-check.binary';

/**
 * What the Go checker cannot know: the services' own config schemas and topology. Run over one overlay's
 * rendered objects, each problem a sentence naming the object.
 */

const schemas: Record<string, z.ZodObject> = {
  ingest: IngestConfigSchema,
  parser: ParserConfigSchema,
  enricher: EnricherConfigSchema,
  api: ApiConfigSchema,
};

/** The subjects each KEDA-scaled stage consumes (its @EventPattern handlers). */
const scaledStageSubjects: Record<string, EventSubject<z.ZodType>> = { parser: pageReceived, enricher: articleParsed };

/**
 * The durable consumer a stage's replicas share: JetStreamServer.durableName in libs/shared/src/transport
 * (`<stage>-<subject with . * > as ->`); the api's consumer-lag metrics use the same names.
 */
export const durableName = (stage: string, subject: string): string => `${stage}-${subject.replace(/[.*>]/g, '-')}`;

/** Values for Secrets the overlay does not render (production): of the form the schema wants. */
const externalSecretPlaceholders: Record<string, string> = {
  API_KEY: 'placeholder-api-key-0123456789',
  MONGO_URL: 'mongodb://baoxun:placeholder@mongo-0.example.net:27017,mongo-1.example.net:27017/baoxun?replicaSet=rs0',
  NATS_USER: 'baoxun',
  NATS_PASSWORD: 'placeholder',
};

/** How long close() may take before the grace period starts: open pulls expire (JetStreamServer PULL_EXPIRES_MS x 3). */
const PULL_EXPIRY_SECONDS = 3;
/** Draining the NATS connection and closing Nest after the transport is done. */
const CLOSE_MARGIN_SECONDS = 5;

interface Container {
  name: string;
  image?: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string }; fieldRef?: unknown } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds: number } } };
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: { containers: Container[]; terminationGracePeriodSeconds?: number; volumes?: Array<{ name: string; configMap?: { name: string } }> };
}

const spec = <T>(object: K8sObject): T => object.spec as T;
const byKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);

/** The environment a container gets: ConfigMaps and literals as rendered, Secrets decoded or (external) placeholders. */
export function containerEnv(objects: K8sObject[], container: Container): { env: Record<string, string>; problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const source = named(objects, from.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
    const data = (source?.data ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(data)) env[key] = from.configMapRef ? value : Buffer.from(value, 'base64').toString();
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (!from) env[variable.name] = variable.value ?? '';
    else if (from.configMapKeyRef) env[variable.name] = ((named(objects, 'ConfigMap', from.configMapKeyRef.name)?.data ?? {}) as Record<string, string>)[from.configMapKeyRef.key] ?? '';
    else if (from.secretKeyRef) {
      const secret = named(objects, 'Secret', from.secretKeyRef.name);
      const value = ((secret?.data ?? {}) as Record<string, string>)[from.secretKeyRef.key];
      if (secret && value !== undefined) env[variable.name] = Buffer.from(value, 'base64').toString();
      else if (externalSecretPlaceholders[variable.name] !== undefined) env[variable.name] = externalSecretPlaceholders[variable.name];
      else problems.push(`env ${variable.name} comes from Secret ${from.secretKeyRef.name}, which is not rendered and has no placeholder in the deploy check`);
    } else env[variable.name] = 'from-the-downward-api';
  }
  return { env, problems };
}

function portNumber(container: Container, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

function preStopSeconds(container: Container): number {
  const preStop = container.lifecycle?.preStop;
  if (preStop?.sleep) return preStop.sleep.seconds;
  const command = preStop?.exec?.command ?? [];
  const sleep = command[0] === 'sleep' ? Number(command[1]) : 0;
  return Number.isFinite(sleep) ? sleep : 0;
}

/** NATS servers in the overlay: the StatefulSet's replicas and its config file. */
function natsCluster(objects: K8sObject[]): { replicas: number; config: string; routes: string[]; statefulSet: K8sObject } | undefined {
  const statefulSet = named(objects, 'StatefulSet', 'nats');
  if (!statefulSet) return undefined;
  const template = spec<{ replicas?: number; template: PodTemplate }>(statefulSet);
  const configMapName = template.template.spec.volumes?.find((volume) => volume.name === 'config')?.configMap?.name ?? '';
  const config = ((named(objects, 'ConfigMap', configMapName)?.data ?? {}) as Record<string, string>)['nats.conf'] ?? '';
  // route URLs as written in nats.conf, or through $VAR from the container's literal env (they carry the credentials)
  const env = Object.fromEntries((template.template.spec.containers[0]?.env ?? []).map((variable) => [variable.name, variable.value ?? '']));
  const routes = [...(/\broutes\s*:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '').matchAll(/[^\s,]+/g)].map(([route]) => (route.startsWith('$') ? (env[route.slice(1)] ?? route) : route));
  return { replicas: template.replicas ?? 1, config, routes, statefulSet };
}

const GIB = 1024 ** 3;
/** "10Gi", "9G", "1800M" as bytes (the units kubectl and nats-server take). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|K|M|G|T|KB|MB|GB|TB)?$/i.exec(text.trim());
  if (!match) return Number.NaN;
  const units: Record<string, number> = { ki: 1024, mi: 1024 ** 2, gi: GIB, ti: 1024 ** 4, k: 1e3, m: 1e6, g: 1e9, t: 1e12, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };
  return Number(match[1]) * (match[2] ? units[match[2].toLowerCase()] : 1);
}

/** The config-aware checks of one rendered overlay. */
export function checkDeployConfig(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const nats = natsCluster(objects);
  if (!nats) problems.push('no StatefulSet nats (the broker)');

  for (const [service, schema] of Object.entries(schemas)) {
    const deployment = named(objects, 'Deployment', service);
    if (!deployment) {
      problems.push(`no Deployment ${service}`);
      continue;
    }
    const id = `Deployment ${service}`;
    const template = spec<{ template: PodTemplate }>(deployment).template;
    const container = template.spec.containers.find((candidate) => candidate.name === service) ?? template.spec.containers[0];
    const { env, problems: envProblems } = containerEnv(objects, container);
    problems.push(...envProblems.map((problem) => `${id}: ${problem}`));
    const known = new Set(Object.keys(schema.shape));
    for (const name of Object.keys(env).sort()) {
      if (!known.has(name)) problems.push(`${id}: sets ${name}, which the ${service} config schema (libs/shared/src/config) does not know`);
    }
    let config: Record<string, unknown>;
    try {
      config = loadConfig(schema, env) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${id}: its environment fails the ${service} config schema: ${error instanceof ConfigError ? error.problems.join('; ') : String(error)}`);
      continue;
    }
    const httpPort = config.HTTP_PORT as number;
    if (portNumber(container, 'http') !== httpPort) problems.push(`${id}: HTTP_PORT is ${httpPort} but the container port named http is ${portNumber(container, 'http')}`);
    for (const [probeName, probe] of [['readiness', container.readinessProbe], ['liveness', container.livenessProbe], ['startup', container.startupProbe]] as const) {
      if (!probe) continue;
      // liveness asks only whether the process answers: on /health a long NATS or MongoDB outage would restart every pod at once
      const path = probeName === 'liveness' ? '/health/live' : '/health';
      if (probe.httpGet?.path !== path) problems.push(`${id}: the ${probeName} probe does not ask ${path}`);
      if (portNumber(container, probe.httpGet?.port) !== httpPort) problems.push(`${id}: the ${probeName} probe asks port ${String(probe.httpGet?.port)}, not HTTP_PORT ${httpPort}`);
    }
    const needed = preStopSeconds(container) + PULL_EXPIRY_SECONDS + Math.ceil((config.SHUTDOWN_GRACE_MS as number) / 1000) + CLOSE_MARGIN_SECONDS;
    const grace = template.spec.terminationGracePeriodSeconds ?? 30;
    if (grace < needed) {
      problems.push(`${id}: terminationGracePeriodSeconds ${grace} is shorter than the drain (preStop ${preStopSeconds(container)} s + pulls ${PULL_EXPIRY_SECONDS} s + SHUTDOWN_GRACE_MS + ${CLOSE_MARGIN_SECONDS} s = ${needed} s): in-flight work would be killed, not returned`);
    }
    if (nats) {
      const streamReplicas = config.STREAM_REPLICAS as number | undefined;
      const consumerReplicas = config.CONSUMER_REPLICAS as number | undefined;
      if (streamReplicas !== undefined && streamReplicas > nats.replicas) problems.push(`${id}: STREAM_REPLICAS ${streamReplicas} is more than the ${nats.replicas} NATS server(s)`);
      if (consumerReplicas !== undefined && streamReplicas !== undefined && consumerReplicas > streamReplicas) problems.push(`${id}: CONSUMER_REPLICAS ${consumerReplicas} is more than STREAM_REPLICAS ${streamReplicas}`);
      for (const url of String(config.NATS_URL).split(',')) {
        const host = /^[a-z]+:\/\/(?:[^@/]*@)?([^:/]+)(?::(\d+))?/.exec(url.trim());
        const [name, port] = [host?.[1] ?? '', Number(host?.[2] ?? 4222)];
        const pod = /^nats-(\d+)\.nats-headless$/.exec(name);
        const service = named(objects, 'Service', name);
        const servesPort = service && spec<{ ports: Array<{ port: number }> }>(service).ports.some((candidate) => candidate.port === port);
        if (!(pod ? Number(pod[1]) < nats.replicas && port === 4222 : servesPort)) {
          problems.push(`${id}: NATS_URL ${url.trim()} is neither a Service of the deployment on that port nor one of the ${nats.replicas} NATS pods`);
        }
      }
    }
  }

  if (nats) {
    const clustered = /\bcluster\s*\{/.test(nats.config);
    if (nats.replicas > 1 && !clustered) problems.push(`StatefulSet nats: ${nats.replicas} replicas but nats.conf has no cluster block`);
    if (nats.replicas === 1 && clustered) problems.push('StatefulSet nats: one replica with a cluster block (JetStream would wait for peers that never come)');
    for (let i = 0; clustered && i < nats.replicas; i++) {
      if (!nats.routes.some((route) => new RegExp(`^nats://([^@/]+@)?nats-${i}\\.nats-headless:6222$`).test(route))) problems.push(`StatefulSet nats: nats.conf has no route to nats-${i}`);
    }
    if (!/\bjetstream\s*\{/.test(nats.config)) problems.push('StatefulSet nats: nats.conf does not enable JetStream');
    const store = /max_file_store:\s*(\S+)/.exec(nats.config)?.[1];
    const claims = spec<{ volumeClaimTemplates?: Array<{ metadata: { name: string }; spec: { resources: { requests: { storage: string } } } }> }>(nats.statefulSet).volumeClaimTemplates ?? [];
    const volume = claims.find((claim) => claim.metadata.name === 'data')?.spec.resources.requests.storage;
    if (!store || !volume || !(parseSize(store) < parseSize(volume))) problems.push(`StatefulSet nats: max_file_store ${store ?? '(unset)'} must be set below the data volume (${volume ?? 'none'})`);
  }

  // KEDA: each scaled stage on the lag of the durable consumer it really reads, through a Service of NATS's monitor port.
  for (const [stage, subject] of Object.entries(scaledStageSubjects)) {
    const scaled = byKind(objects, 'ScaledObject').find((object) => spec<{ scaleTargetRef: { name: string } }>(object).scaleTargetRef.name === stage);
    if (!scaled) {
      problems.push(`no ScaledObject for ${stage}`);
      continue;
    }
    const id = `ScaledObject ${scaled.metadata.name}`;
    const triggers = spec<{ triggers: Array<{ type: string; metadata: Record<string, string> }> }>(scaled).triggers.filter((trigger) => trigger.type === 'nats-jetstream');
    if (triggers.length === 0) problems.push(`${id}: no nats-jetstream trigger`);
    for (const { metadata } of triggers) {
      const [stream, consumer] = [streams[subject.stream].name, durableName(stage, subject.subject)];
      if (metadata.stream !== stream || metadata.consumer !== consumer) {
        problems.push(`${id}: scales on ${metadata.stream}/${metadata.consumer}, but ${stage} consumes ${subject.subject} as ${stream}/${consumer}`);
      }
      if (metadata.account !== '$G') problems.push(`${id}: account ${metadata.account}: the broker has no accounts, its users are in $G`);
      const endpoint = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)$/.exec(metadata.natsServerMonitoringEndpoint ?? '');
      const service = endpoint && named(objects, 'Service', endpoint[1]);
      const monitor = service && spec<{ ports: Array<{ port: number; targetPort?: string | number }> }>(service).ports.find((port) => port.port === Number(endpoint[3]));
      if (!endpoint || !service || !monitor || monitor.targetPort !== 'monitor' || endpoint[2] !== scaled.metadata.namespace) {
        problems.push(`${id}: natsServerMonitoringEndpoint ${metadata.natsServerMonitoringEndpoint} is not <Service>.${scaled.metadata.namespace}.svc.cluster.local:<its monitor port> (KEDA calls it from its own namespace)`);
      }
    }
  }
  const hpa = byKind(objects, 'HorizontalPodAutoscaler').find((object) => spec<{ scaleTargetRef: { name: string } }>(object).scaleTargetRef.name === 'api');
  if (!hpa) problems.push('no HorizontalPodAutoscaler for the api');
  return problems;
}
