import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import type { ServiceEnv } from '@cohort/config';
import { countDbCommand } from '@cohort/logging';
import type { Connection } from 'mongoose';

/** The service's own database: MONGO_URL + MONGO_DB. Works on MongoDB 7 and the dev database (mongo-java-server). */
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
            // Indexes are part of the rules (unique members, keyset paging): build them at boot.
            autoIndex: true,
            serverSelectionTimeoutMS: 10_000,
            // Each request counts its database commands (logged with its answer at debug level).
            monitorCommands: true,
            connectionFactory: (connection: Connection) => {
              connection.getClient().on('commandStarted', countDbCommand);
              return connection;
            },
          }),
        }),
      ],
    };
  }
}
