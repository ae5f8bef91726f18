import { DEAD_LETTER_STREAM } from '@cohort/contracts';
import { headers as natsHeaders, type JetStreamManager, type NatsConnection, type StoredMsg } from 'nats';

import { DeadLetterHeader, ensureDeadLetterStream, REPLAY_FOR_HEADER } from './dead-letters';

export interface DeadLetter {
  seq: number;
  durable: string;
  subject: string;
  error: string;
  parkedAt: Date;
}

export interface DeadLetterFilter {
  durable?: string;
  seq?: number;
}

function describe(msg: StoredMsg): DeadLetter {
  return {
    seq: msg.seq,
    durable: msg.header.get(DeadLetterHeader.durable),
    subject: msg.header.get(DeadLetterHeader.subject),
    error: msg.header.get(DeadLetterHeader.error),
    parkedAt: msg.time,
  };
}

export async function listDeadLetters(jsm: JetStreamManager, filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
  return (await readDeadLetters(jsm, filter)).map(({ letter }) => letter);
}

async function readDeadLetters(
  jsm: JetStreamManager,
  filter: DeadLetterFilter,
): Promise<{ letter: DeadLetter; msg: StoredMsg }[]> {
  await ensureDeadLetterStream(jsm);
  const info = await jsm.streams.info(DEAD_LETTER_STREAM);
  const found: { letter: DeadLetter; msg: StoredMsg }[] = [];
  const first = filter.seq ?? info.state.first_seq;
  const last = filter.seq ?? info.state.last_seq;
  for (let seq = first; seq <= last && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => null); // deleted ones are gaps
    if (!msg) continue;
    const letter = describe(msg);
    if (filter.durable && letter.durable !== filter.durable) continue;
    found.push({ letter, msg });
  }
  return found;
}

/** Only the consumer that parked a dead letter handles its replay (Cohort-Replay-For); a new failure parks it again. */
export async function replayDeadLetters(nc: NatsConnection, filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const replayed: DeadLetter[] = [];
  for (const { letter, msg } of await readDeadLetters(jsm, filter)) {
    const h = natsHeaders();
    h.set(REPLAY_FOR_HEADER, letter.durable);
    await js.publish(letter.subject, msg.data, { headers: h, msgID: `replay:${letter.durable}:${letter.seq}` });
    await jsm.streams.deleteMessage(DEAD_LETTER_STREAM, letter.seq, false);
    replayed.push(letter);
  }
  return replayed;
}
