import type { CommandDeclaration, CommandEnvelope } from '@cohort/contracts';
import { invalidParameter, validateInput } from '@cohort/errors';
import { MessagePattern } from '@nestjs/microservices';
import type { ClassConstructor } from 'class-transformer';

/** Services never trust the bus: the envelope and its data are validated again on arrival. */
export function validateCommandEnvelope<T extends object>(
  dataClass: ClassConstructor<T>,
  value: unknown,
): CommandEnvelope<T> {
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
  const data = validateInput(dataClass, envelope.data ?? {});
  return {
    caller: { appId: caller.appId, userId: caller.userId, isAppAdmin: caller.isAppAdmin },
    requestId: envelope.requestId,
    data,
  };
}

export function Handles<Request extends object, Reply>(command: CommandDeclaration<Request, Reply>) {
  return <Method extends (envelope: CommandEnvelope<Request>) => Reply | Promise<Reply>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Method>,
  ): void => {
    MessagePattern(command.subject)(target, key, descriptor);
  };
}
