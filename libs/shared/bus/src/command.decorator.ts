import { Payload } from '@nestjs/microservices';
import type { PipeTransform } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { CommandEnvelope } from '@cohort/contracts';
import { invalidParameter, validateInput } from '@cohort/errors';

/** Services never trust the bus: the envelope and its data are validated again on arrival. */
class CommandValidationPipe<T extends object> implements PipeTransform<unknown, CommandEnvelope<T>> {
  constructor(private readonly dataClass: ClassConstructor<T> | null) {}

  transform(value: unknown): CommandEnvelope<T> {
    const envelope = value as Partial<CommandEnvelope<unknown>> | null;
    const caller = envelope?.caller;
    if (!caller || typeof caller.appId !== 'string' || caller.appId.length === 0) {
      throw invalidParameter('caller.appId', 'is required');
    }
    if (typeof caller.isAppAdmin !== 'boolean') throw invalidParameter('caller.isAppAdmin', 'must be a boolean');
    if (caller.userId !== null && typeof caller.userId !== 'string') {
      throw invalidParameter('caller.userId', 'must be a string or null');
    }
    if (!caller.isAppAdmin && !caller.userId) throw invalidParameter('caller.userId', 'is required for user callers');
    if (typeof envelope.requestId !== 'string') throw invalidParameter('requestId', 'is required');
    const data = this.dataClass ? validateInput(this.dataClass, envelope.data ?? {}) : ({} as T);
    return { caller: { appId: caller.appId, userId: caller.userId, isAppAdmin: caller.isAppAdmin }, requestId: envelope.requestId, data };
  }
}

/** `@Command(CreateGroupCommand) command: CommandEnvelope<CreateGroupCommand>` in a handler. */
export function Command<T extends object>(dataClass: ClassConstructor<T> | null = null): ParameterDecorator {
  return Payload(new CommandValidationPipe(dataClass));
}
