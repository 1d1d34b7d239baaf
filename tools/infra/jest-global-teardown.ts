import type { Infra } from './infra.types';
import { INFRA_GLOBAL_KEY } from './jest-global-setup';

export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<string, unknown>;
  const infra = store[INFRA_GLOBAL_KEY] as Infra | undefined;
  delete store[INFRA_GLOBAL_KEY];
  await infra?.stop();
}
