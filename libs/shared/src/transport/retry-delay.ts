/** Exponential backoff for nak: 1 s, 2 s, 4 s … capped at 60 s, with jitter so replicas don't retry in step. */
export function retryDelayMs(deliveries: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1_000 * 2 ** Math.max(0, deliveries - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
