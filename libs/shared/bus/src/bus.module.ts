import type { CommonEnv } from '@cohort/config';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';

import { BusClient } from './bus-client';
import { DeadLetters } from './dead-letters';
import { EventConsumerRunner } from './event-consumer-runner';
import { EventPublisher } from './event-publisher';
import { EventStream } from './event-stream';
import { natsAccessFrom } from './nats-connect-options';
import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder } from './nats-connection';

@Global()
@Module({})
export class BusModule {
  static forRoot(serviceName: string): DynamicModule {
    return {
      module: BusModule,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: BUS_OPTIONS,
          inject: [ConfigService],
          useFactory: (config: ConfigService<CommonEnv, true>): BusOptions => ({
            serviceName,
            ...natsAccessFrom(config),
            requestTimeoutMs: config.get('BUS_TIMEOUT_MS', { infer: true }),
            streamReplicas: config.get('EVENT_STREAM_REPLICAS', { infer: true }),
            retry: {
              firstMs: config.get('EVENT_RETRY_FIRST_MS', { infer: true }),
              maxMs: config.get('EVENT_RETRY_MAX_MS', { infer: true }),
            },
          }),
        },
        NatsConnectionHolder,
        BusClient,
        EventStream,
        EventPublisher,
        DeadLetters,
        EventConsumerRunner,
      ],
      exports: [
        BUS_OPTIONS,
        NatsConnectionHolder,
        BusClient,
        EventStream,
        EventPublisher,
        DeadLetters,
        EventConsumerRunner,
      ],
    };
  }
}
