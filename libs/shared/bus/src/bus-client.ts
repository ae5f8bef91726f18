import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import type { AnyCommand, Caller, CommandEnvelope, ReplyOf, RequestOf } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { BUS_OPTIONS, NatsConnectionHolder, type BusOptions } from './nats-connection';
import { wireCodec as codec, type NestReplyPacket, type NestRequestPacket } from './nest-wire';


export interface RequestContext {
  caller: Caller;
  requestId: string;
}

/**
 * Typed request/reply over NATS. Talks to Nest microservice handlers in their wire format but
 * uses the nats client's request() so that "no responders" fails fast (503) and every call has a
 * timeout (504).
 */
@Injectable()
export class BusClient {
  constructor(
    private readonly holder: NatsConnectionHolder,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  async send<C extends AnyCommand>(command: C, context: RequestContext, data: RequestOf<C>): Promise<ReplyOf<C>> {
    const { subject } = command;
    const envelope: CommandEnvelope<RequestOf<C>> = { caller: context.caller, requestId: context.requestId, data };
    const nc = await this.holder.get();
    let raw: Uint8Array;
    try {
      const msg = await nc.request(subject, codec.encode({ pattern: subject, data: envelope, id: randomUUID() } satisfies NestRequestPacket<typeof envelope>), {
        timeout: this.options.requestTimeoutMs,
      });
      raw = msg.data;
    } catch (error) {
      throw toTransportError(subject, error);
    }
    const packet = codec.decode(raw) as NestReplyPacket<ReplyOf<C>>;
    if (!packet.response) {
      throw new DomainError('internal', `${subject}: malformed reply`, { err: String(packet.err ?? '') });
    }
    if (!packet.response.ok) throw DomainError.fromPayload(packet.response.error);
    return packet.response.data;
  }
}

/** True when a send failed before any service received it (NATS "no responders"). */
export function wasNotDelivered(error: unknown): boolean {
  return error instanceof DomainError && error.details?.notDelivered === true;
}

function toTransportError(subject: string, error: unknown): DomainError {
  if (error instanceof NatsError) {
    if (error.code === NatsErrorCode.NoResponders) {
      // Nobody was subscribed: the request was certainly not delivered (callers may rely on it).
      return new DomainError('unavailable', `service for ${subject} is not available`, { notDelivered: true });
    }
    if (error.code === NatsErrorCode.Timeout) {
      return new DomainError('timeout', `service for ${subject} did not answer in time`);
    }
  }
  return new DomainError('unavailable', `bus error on ${subject}: ${String(error)}`);
}
