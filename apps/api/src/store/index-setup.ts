import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { STORE_CAPABILITIES, type StoreCapabilities } from './store-capabilities';

/**
 * Creates the indexes the schemas declare, at start, before any request (mongoose's autoIndex is off): on
 * MongoDB and on FerretDB over PostgreSQL. On FerretDB over SQLite only _id is kept: its other indexes are never
 * used and each write would pay for them (the key of an index on an array is the whole array).
 */
@Injectable()
export class IndexSetup implements OnModuleInit {
  private readonly logger = new Logger(IndexSetup.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(STORE_CAPABILITIES) private readonly capabilities: StoreCapabilities,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.capabilities.flatFilterPushdown) {
      this.logger.log(`store is FerretDB ${this.capabilities.version} without filter pushdown: secondary indexes skipped (it uses none)`);
      return;
    }
    await Promise.all(this.connection.modelNames().map((name) => this.connection.model(name).createIndexes()));
    this.logger.log(`indexes in place on ${this.connection.modelNames().join(', ')}`);
  }
}
