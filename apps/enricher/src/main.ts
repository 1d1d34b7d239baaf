import 'reflect-metadata';
import { EnricherConfigSchema } from '@baoxun/shared/config/enricher.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { EnricherModule } from './enricher.module';

launchService('enricher', EnricherConfigSchema, (config) => EnricherModule.forRoot(config));
