import { commandDeclaredAs, type CommandEnvelope } from '@cohort/contracts';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import type { NatsConnection, Subscription } from 'nats';
import { isObservable, lastValueFrom } from 'rxjs';

import { serveCommand } from './command-responder';
import type { NatsConnectionHolder } from './nats-connection';

/** Serves every `@Handles` method with serveCommand: no packet wrapper, no interceptor or pipe chain per message. */
export class LeanNatsTransport extends Server implements CustomTransportStrategy {
  private holder: NatsConnectionHolder | null = null;
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly queue: string) {
    super();
  }

  useConnection(holder: NatsConnectionHolder): void {
    this.holder = holder;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      if (!this.holder) throw new Error('LeanNatsTransport: useConnection() was not called before listen()');
      const nc = await this.holder.get();
      for (const [subject, handler] of this.messageHandlers) this.serve(nc, subject, handler);
      // The server has every subscription once it answers a ping: requests route to us from here on.
      await nc.flush();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** The connection itself is drained by the bus. */
  async close(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((subscription) => subscription.drain()));
    this.subscriptions.length = 0;
  }

  on(): void {
    // No transport events to listen to: connection events belong to the bus's connection.
  }

  unwrap<T>(): T {
    return this.holder as T;
  }

  private serve(nc: NatsConnection, subject: string, handler: MessageHandler): void {
    const command = commandDeclaredAs(subject);
    if (!command) throw new Error(`@Handles on ${subject}, which no command declares`);
    this.subscriptions.push(
      serveCommand(nc, command, this.queue, async (envelope: CommandEnvelope<unknown>) => {
        const result: unknown = await handler(envelope);
        // Nest's exception layer answers a thrown error as a failing observable (see PassErrorsThrough).
        return isObservable(result) ? lastValueFrom(result) : result;
      }),
    );
  }
}
