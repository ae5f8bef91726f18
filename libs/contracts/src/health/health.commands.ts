import { type CommandDeclaration, declareCommand, replyType } from '../declare';
import { type ServiceName, ServiceNames } from '../services';
import type { HealthView } from './health.types';

export class EmptyCommand {}

export type HealthCommand = CommandDeclaration<EmptyCommand, HealthView>;

export const HealthCommands = Object.fromEntries(
  Object.values(ServiceNames).map((service) => [
    service,
    declareCommand(`${service}.health.check`, EmptyCommand, replyType<HealthView>()),
  ]),
) as Record<ServiceName, HealthCommand>;
