import { Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';
import type { AnyCommand, CommandEnvelope, ReplyOf, Reply, RequestOf } from '@cohort/contracts';
import { currentDbCommands, runWithRequestId } from '@cohort/logging';
import { validateCommandEnvelope } from './command.decorator';
import { errorPayloadOf } from './error-payload';
import { wireCodec, type NestReplyPacket, type NestRequestPacket } from './nest-wire';

const logger = new Logger('CommandResponder');

/**
 * Answers a declared command with a plain subscription on the given NATS connection, in the
 * service's queue group, instead of a Nest handler: same wire format (BusClient.send works
 * unchanged), same validation of the envelope and data, errors as data, the request id on every
 * log line. For a hot path that must also be ordered with other subscriptions of that connection
 * (NATS delivers one connection's messages in order). Unsubscribe (or drain) to stop.
 */
export function serveCommand<C extends AnyCommand>(
  nc: NatsConnection,
  command: C,
  queue: string,
  handle: (envelope: CommandEnvelope<RequestOf<C>>) => ReplyOf<C> | Promise<ReplyOf<C>>,
): Subscription {
  const answer = async (msg: Msg): Promise<void> => {
    let packet: Partial<NestRequestPacket<unknown>> | null = null;
    try {
      packet = wireCodec.decode(msg.data) as Partial<NestRequestPacket<unknown>>;
    } catch {
      // Not JSON: answered below as an invalid envelope.
    }
    const envelope = packet?.data as Partial<CommandEnvelope<unknown>> | undefined;
    const requestId = typeof envelope?.requestId === 'string' ? envelope.requestId : 'none';
    const response = await runWithRequestId(requestId, async (): Promise<Reply<ReplyOf<C>>> => {
      let reply: Reply<ReplyOf<C>>;
      try {
        reply = { ok: true, data: await handle(validateCommandEnvelope(command.request, envelope)) };
      } catch (error) {
        reply = { ok: false, error: errorPayloadOf(error, logger, command.subject) };
      }
      logger.debug(`${command.subject} answered ${reply.ok ? 'ok' : reply.error.code} after ${currentDbCommands()} db command(s)`);
      return reply;
    });
    if (msg.reply) msg.respond(wireCodec.encode({ id: packet?.id ?? '', response, isDisposed: true } satisfies NestReplyPacket<ReplyOf<C>>));
  };
  return nc.subscribe(command.subject, {
    queue,
    callback: (error, msg) => {
      if (!error) void answer(msg);
    },
  });
}
