import { BusModule } from '@cohort/bus';
import { commonEnvSchema, validatedConfigModule } from '@cohort/config';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as Joi from 'joi';

import type { TestServers } from './servers';

/**
 * Another process on the bus, as a test's hands: sends commands (BusClient) and publishes events
 * (EventPublisher) the way a peer service does. Close it in afterAll.
 */
export async function startBusPeer(servers: TestServers): Promise<INestApplicationContext> {
  // Config is read from process.env when the module is built: set it first.
  process.env.NATS_URL = servers.natsUrl; // the operator (one user for the whole test process)
  @Module({ imports: [validatedConfigModule(Joi.object(commonEnvSchema)), BusModule.forRoot('test-peer')] })
  class BusPeerModule {}
  const peer = await NestFactory.createApplicationContext(BusPeerModule, { logger: false });
  await peer.init();
  return peer;
}
