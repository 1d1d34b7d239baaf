import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { z } from 'zod';
import { ConfigError, loadConfig } from '../config/config.loader';
import { jetStreamSettingsProblems, type ServiceConfig } from '../config/service.config';
import { runService } from './run-service';
import type { CoreConfig } from './service-core.module';

/**
 * The whole of a service's main.ts: parse the config once (a bad setting stops the app naming the variable),
 * build the module, run. Exits non-zero on any start-up failure so an orchestrator restarts or reports it.
 */
export function launchService<S extends z.ZodType<ServiceConfig>>(
  name: string,
  schema: S,
  moduleFor: (config: z.infer<S> & CoreConfig) => DynamicModule,
  configure?: (app: INestApplication, config: z.infer<S> & CoreConfig) => void,
): void {
  let config: z.infer<S> & CoreConfig;
  try {
    config = { ...loadConfig(schema, undefined, jetStreamSettingsProblems), SERVICE_NAME: name };
  } catch (error) {
    process.stderr.write(`baoxun ${name}: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  runService(moduleFor(config), config, configure && ((app) => configure(app, config))).catch((error: unknown) => {
    process.stderr.write(`baoxun ${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
