/** Injection tokens of the pieces every service shares. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
