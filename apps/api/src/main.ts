import 'reflect-metadata';
import { ApiConfigSchema } from '@baoxun/shared/config/api.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { ApiModule } from './api.module';

launchService('api', ApiConfigSchema, (config) => ApiModule.forRoot(config));
