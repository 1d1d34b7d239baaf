import 'reflect-metadata';
import { ParserConfigSchema } from '@baoxun/shared/config/parser.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { ParserModule } from './parser.module';

launchService('parser', ParserConfigSchema, (config) => ParserModule.forRoot(config));
