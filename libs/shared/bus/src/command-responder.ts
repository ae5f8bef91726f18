import type { AnyCommand, CommandEnvelope, Reply, ReplyOf, RequestOf } from '@cohort/contracts';
import { currentDbCommands, isDebugLogged, runWithRequestId } from '@cohort/logging';
import { Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';

import { busObserver, busTracer } from './bus-observer';
import { busCodec } from './bus-wire';
import { validateCommandEnvelope } from './command.decorator';
import { errorPayloadOf } from './error-payload';

const logger = new Logger('CommandResponder');

const failureOf = (reply: Reply<unknown>): string | undefined => (reply.ok ? undefined : reply.error.code);

/**
 * Serves every command handler (through LeanNatsTransport); a hot path that must be ordered with
 * other subscriptions of the connection calls it directly, as NATS keeps one connection's order.
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
