import { JSONCodec } from 'nats';

export const busCodec = JSONCodec();
