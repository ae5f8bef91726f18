import { JSONCodec } from 'nats';
import type { Reply } from '@cohort/contracts';

/** A request in Nest's NATS transport format (what BusClient sends and Nest handlers expect). */
export interface NestRequestPacket<T> {
  pattern: string;
  data: T;
  id: string;
}

/** A reply in Nest's NATS transport format. */
export interface NestReplyPacket<T> {
  id: string;
  response?: Reply<T>;
  err?: unknown;
  isDisposed?: boolean;
}

export const wireCodec = JSONCodec();
