import { JSONCodec } from 'nats';

/**
 * What crosses the bus for a command: the request is its envelope (caller, request id, data) as
 * JSON, the reply a `Reply` as JSON. The subject says which command it is, so nothing else rides along.
 */
export const busCodec = JSONCodec();
