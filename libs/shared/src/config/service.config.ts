import { z } from 'zod';
import { intSetting } from './config.loader';

/** Settings every service shares: the broker, logging, its HTTP port, shutdown and consumer limits. */
export const natsSettings = {
  NATS_URL: z
    .string()
    .default('nats://127.0.0.1:4222')
    .refine((value) => value.split(',').every((url) => /^(nats|tls|ws|wss):\/\/[^\s]+$/.test(url.trim())), 'must be one or more nats:// URLs separated by commas'),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  /** A .creds file (JWT + nkey seed) for NATS decentralized auth. */
  NATS_CREDS_FILE: z.string().optional(),
};

/**
 * How the JetStream streams and durable consumers are laid out on a cluster. The defaults are one node's:
 * one replica each. On a cluster of three (or five) servers, STREAM_REPLICAS=3 keeps every message on three
 * servers, so one may fail without losing or stopping anything. An existing stream with another replica count
 * is scaled to this one at start (JetStream moves the data).
 */
export const jetStreamSettings = {
  /** Servers that hold each stream (work streams and dead letters): 1 on one node, 3 (or 5) on a cluster. */
  STREAM_REPLICAS: intSetting(1, { min: 1, max: 5 }),
  /** Servers that hold each durable consumer's state; 0 means the stream's replica count. */
  CONSUMER_REPLICAS: intSetting(0, { min: 0, max: 5 }),
  /** Place the streams only on servers carrying all these server_tags (comma separated), e.g. a zone or disk type. */
  STREAM_PLACEMENT_TAGS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((tag) => tag.trim()).filter(Boolean)),
};

/** Checks between settings that one field's schema cannot make; each problem names its variable. */
export function jetStreamSettingsProblems(config: { STREAM_REPLICAS?: number; CONSUMER_REPLICAS?: number }): string[] {
  const { STREAM_REPLICAS: streamReplicas, CONSUMER_REPLICAS: consumerReplicas } = config;
  if (streamReplicas === undefined || consumerReplicas === undefined || consumerReplicas <= streamReplicas) return [];
  return [`CONSUMER_REPLICAS: must be 0 (the stream's) or at most STREAM_REPLICAS (${streamReplicas}) (got "${consumerReplicas}")`];
}

export const serviceSettings = {
  ...natsSettings,
  ...jetStreamSettings,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  /** JSON logs by default; "pretty" only for a person at a terminal. */
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
  /** Messages one replica works on at once; the rest wait in JetStream (backpressure). */
  MAX_IN_FLIGHT: intSetting(16, { min: 1, max: 1024 }),
  /** Deliveries of a message before it is dead-lettered. */
  MAX_DELIVER: intSetting(5, { min: 1, max: 100 }),
  /** Time a message may stay unacked before JetStream redelivers it. */
  ACK_WAIT_MS: intSetting(30_000, { min: 1_000, max: 3_600_000 }),
  /** Longest wait for in-flight work on SIGTERM before the rest is returned to JetStream. */
  SHUTDOWN_GRACE_MS: intSetting(10_000, { min: 0, max: 600_000 }),
};

/**
 * The key HTTP clients present for guarded routes (ingest's POST /v1/pages, the api's /v1/admin routes, and the
 * api's reads when READS_REQUIRE_API_KEY is true), in the x-api-key header or as "Authorization: Bearer <key>".
 * Unset, those routes refuse every request (401): they never fall open.
 */
export const apiKeySettings = {
  API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
};

export const ServiceConfigSchema = z.object({ ...serviceSettings, HTTP_PORT: intSetting(3000, { min: 0, max: 65535 }) });
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
export type NatsSettings = Pick<ServiceConfig, 'NATS_URL' | 'NATS_USER' | 'NATS_PASSWORD' | 'NATS_CREDS_FILE'>;
