import type { AnyCommand, CommandEnvelope, Reply, ReplyOf, RequestOf } from '@cohort/contracts';
import { currentDbCommands, isDebugLogged, runWithRequestId } from '@cohort/logging';
import { Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';

import { busObserver, busTracer } from './bus-observer';
import { busCodec } from './bus-wire';
import { validateCommandEnvelope } from './command.decorator';
import { errorPayloadOf } from './error-payload';

const logger = new Logger('CommandResponder');

/** The error code of a reply that answers a failure (for the command's span). */
const failureOf = (reply: Reply<unknown>): string | undefined => (reply.ok ? undefined : reply.error.code);

/**
 * Answers a declared command with a plain subscription on the given NATS connection, in the
 * service's queue group: the envelope and its data validated against the declaration, the handler
 * run under the request id (every log line carries it), errors answered as data. Every command
 * handler of every service is served this way (LeanNatsTransport), and a hot path that must be
 * ordered with other subscriptions of the same connection can call it directly (NATS delivers one
 * connection's messages in order). Unsubscribe (or drain) to stop.
 */
export function serveCommand<C extends AnyCommand>(
  nc: NatsConnection,
  command: C,
  queue: string,
  handle: (envelope: CommandEnvelope<RequestOf<C>>) => ReplyOf<C> | Promise<ReplyOf<C>>,
): Subscription {
  const answer = async (msg: Msg): Promise<void> => {
    const observer = busObserver();
    const started = observer ? performance.now() : 0;
    let envelope: Partial<CommandEnvelope<unknown>> | undefined;
    try {
      envelope = busCodec.decode(msg.data) as Partial<CommandEnvelope<unknown>>;
    } catch {
      // Not JSON: answered below as an invalid envelope.
    }
    const requestId = typeof envelope?.requestId === 'string' ? envelope.requestId : 'none';
    const run = () =>
      runWithRequestId(requestId, async (): Promise<Reply<ReplyOf<C>>> => {
        let result: Reply<ReplyOf<C>>;
        try {
          result = { ok: true, data: await handle(validateCommandEnvelope(command.request, envelope)) };
        } catch (error) {
          result = { ok: false, error: errorPayloadOf(error, logger, command.subject) };
        }
        // Built only when written: this runs for every command.
        if (isDebugLogged())
          logger.debug(
            `${command.subject} answered ${result.ok ? 'ok' : result.error.code} after ${currentDbCommands()} db command(s)`,
          );
        return result;
      });
    const tracer = busTracer();
    const reply = tracer ? await tracer.handle(command.subject, 'command', msg.headers, run, failureOf) : await run();
    if (msg.reply) msg.respond(busCodec.encode(reply));
    observer?.commandServed(command.subject, reply.ok ? 'ok' : reply.error.code, (performance.now() - started) / 1000);
  };
  return nc.subscribe(command.subject, {
    queue,
    callback: (error, msg) => {
      if (!error) void answer(msg);
    },
  });
}
