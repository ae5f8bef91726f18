import { type CommandDeclaration, declareCommand, replyType } from '../declare';
import { type ServiceName, ServiceNames } from '../services';
import type { HealthView } from './health.types';

/** No payload: the commands that take none validate `{}` with this class. */
export class EmptyCommand {}

export type HealthCommand = CommandDeclaration<EmptyCommand, HealthView>;

/** `<service>.health.check` of every service: answered once it serves (the gateway's /health asks all). */
export const HealthCommands = Object.fromEntries(
  Object.values(ServiceNames).map((service) => [
    service,
    declareCommand({ subject: `${service}.health.check`, request: EmptyCommand, reply: replyType<HealthView>() }),
  ]),
) as Record<ServiceName, HealthCommand>;
