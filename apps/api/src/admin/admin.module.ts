import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { ReprocessJob, ReprocessJobSchema } from './reprocess-job.schema';
import { ReprocessController } from './reprocess.controller';
import { ReprocessService } from './reprocess.service';

/** Operators' routes under /v1/admin (API key required): dead letters and reprocessing. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ReprocessJob.name, schema: ReprocessJobSchema }])],
  controllers: [DeadLettersController, ReprocessController],
  providers: [DeadLettersService, ReprocessService],
})
export class AdminModule {}
