import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConsumersController } from './consumers.controller';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { ReprocessJob, ReprocessJobSchema } from './reprocess-job.schema';
import { ReprocessController } from './reprocess.controller';
import { ReprocessService } from './reprocess.service';

/** Operators' routes under /v1/admin (API key required): dead letters, reprocessing and consumer lag. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ReprocessJob.name, schema: ReprocessJobSchema }])],
  controllers: [DeadLettersController, ReprocessController, ConsumersController],
  providers: [DeadLettersService, ReprocessService],
})
export class AdminModule {}
