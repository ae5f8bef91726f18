import { BusModule } from '@cohort/bus';
import { commonEnvSchema, validatedConfigModule } from '@cohort/config';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as Joi from 'joi';

import type { TestServers } from './servers';

export async function startBusPeer(servers: TestServers): Promise<INestApplicationContext> {
  // Config is read from process.env when the module is built: set it first.
  process.env.NATS_URL = servers.natsUrl;
  @Module({ imports: [validatedConfigModule(Joi.object(commonEnvSchema)), BusModule.forRoot('test-peer')] })
  class BusPeerModule {}
  const peer = await NestFactory.createApplicationContext(BusPeerModule, { logger: false });
  await peer.init();
  return peer;
}
