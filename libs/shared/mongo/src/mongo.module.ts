import type { ServiceEnv } from '@cohort/config';
import { countDbCommand } from '@cohort/logging';
import { activeTracer, observeDbCommands, traceDbCommands } from '@cohort/observability';
import { type DynamicModule, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** Unique indexes are rules, so no request may write before they exist; the dev database also mishandles writes racing an index build. */
@Injectable()
export class IndexesBuilt implements OnApplicationBootstrap {
  private built = false;

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(Object.values(this.connection.models).map((model) => model.init()));
    this.built = true;
  }

  get done(): boolean {
    return this.built;
  }

  /** A stopped server fails the ping, a frozen one hangs. */
  async databaseAnswers(): Promise<boolean> {
    const db = this.connection.db;
    if (!db) return false;
    await db.command({ ping: 1 });
    return true;
  }
}

@Module({})
export class MongoModule {
  static forRoot(): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>) => ({
            uri: config.get('MONGO_URL', { infer: true }),
            dbName: config.get('MONGO_DB', { infer: true }),
            autoIndex: true,
            serverSelectionTimeoutMS: 10_000,
            // Each request counts its database commands, logged with its answer at debug level.
            monitorCommands: true,
            connectionFactory: (connection: Connection) => {
              connection.getClient().on('commandStarted', countDbCommand);
              if (config.get('METRICS_ENABLED', { infer: true })) observeDbCommands(connection.getClient());
              const tracer = activeTracer();
              if (tracer) traceDbCommands(connection.getClient(), tracer);
              return connection;
            },
          }),
        }),
      ],
      providers: [IndexesBuilt],
      exports: [IndexesBuilt],
    };
  }
}
