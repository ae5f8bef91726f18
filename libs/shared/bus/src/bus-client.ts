import type { AnyCommand, Caller, CommandEnvelope, Reply, ReplyOf, RequestOf } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode as NatsErrorCode, type MsgHdrs, NatsError } from 'nats';

import { busObserver, busTracer } from './bus-observer';
import { busCodec } from './bus-wire';
import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder } from './nats-connection';

export interface RequestContext {
  caller: Caller;
  requestId: string;
}

/** "No responders" fails fast (503); every call has a timeout (504). */
@Injectable()
export class BusClient {
  constructor(
    private readonly holder: NatsConnectionHolder,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  async send<C extends AnyCommand>(command: C, context: RequestContext, data: RequestOf<C>): Promise<ReplyOf<C>> {
    const observer = busObserver();
    const tracer = busTracer();
    if (!observer && !tracer) return this.request(command, context, data);
    const request = tracer
      ? () => tracer.request(command.subject, (headers) => this.request(command, context, data, headers))
      : () => this.request(command, context, data);
    if (!observer) return request();
    const started = performance.now();
    try {
      const reply = await request();
      observer.requestSent(command.subject, 'ok', (performance.now() - started) / 1000);
      return reply;
    } catch (error) {
      observer.requestSent(
        command.subject,
        error instanceof DomainError ? error.code : 'internal',
        (performance.now() - started) / 1000,
      );
      throw error;
    }
  }

  private async request<C extends AnyCommand>(
    command: C,
    context: RequestContext,
    data: RequestOf<C>,
    headers?: MsgHdrs,
  ): Promise<ReplyOf<C>> {
    const { subject } = command;
    const envelope: CommandEnvelope<RequestOf<C>> = { caller: context.caller, requestId: context.requestId, data };
    const nc = await this.holder.get();
    let raw: Uint8Array;
    try {
      const msg = await nc.request(subject, busCodec.encode(envelope), {
        timeout: this.options.requestTimeoutMs,
        headers,
      });
      raw = msg.data;
    } catch (error) {
      throw toTransportError(subject, error);
    }
    const reply = busCodec.decode(raw) as Partial<Reply<ReplyOf<C>>> | null;
    if (reply?.ok === true) return reply.data as ReplyOf<C>;
    if (reply?.ok === false && reply.error) throw DomainError.fromPayload(reply.error);
    throw new DomainError('internal', `${subject}: malformed reply`);
  }
}

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
