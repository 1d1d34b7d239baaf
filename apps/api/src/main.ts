import 'reflect-metadata';
import { ApiConfigSchema } from '@baoxun/shared/config/api.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { ApiModule } from './api.module';
import { configureHttp } from './http/http-setup';

launchService('api', ApiConfigSchema, (config) => ApiModule.forRoot(config), configureHttp);
