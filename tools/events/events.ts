/** `npm run events -- <list|replay> [--durable <consumer>] [--seq <n>]` (docs/events.md). */
import { parseArgs } from 'node:util';

import { type DeadLetter, listDeadLetters, natsConnectOptions, replayDeadLetters } from '@cohort/bus';
import { connect } from 'nats';

import { devOperatorUrl } from '../dev/dev-nats-credentials';

const USAGE = 'usage: npm run events -- <list|replay> [--durable <consumer, e.g. moderation__member_left>] [--seq <n>]';

function line(letter: DeadLetter): string {
  return `#${letter.seq}  ${letter.parkedAt.toISOString()}  ${letter.durable}  ${letter.subject}  ${letter.error}`;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { durable: { type: 'string' }, seq: { type: 'string' } },
  });
  const [command] = positionals;
  if (command !== 'list' && command !== 'replay') throw new Error(USAGE);
  const seq = values.seq === undefined ? undefined : Number(values.seq);
  if (seq !== undefined && !(Number.isInteger(seq) && seq > 0))
    throw new Error(`--seq must be a positive integer\n${USAGE}`);
  const natsUrl = process.env.NATS_URL ?? devOperatorUrl() ?? 'nats://127.0.0.1:4222';
  const nc = await connect({
    ...natsConnectOptions(
      { natsUrl, natsUser: process.env.NATS_USER, natsPassword: process.env.NATS_PASSWORD },
      'cohort-events-cli',
    ),
    maxReconnectAttempts: 0,
    waitOnFirstConnect: false,
  });
  try {
    const filter = { durable: values.durable, seq };
    if (command === 'list') {
      const letters = await listDeadLetters(await nc.jetstreamManager(), filter);
      for (const letter of letters) process.stdout.write(`${line(letter)}\n`);
      process.stdout.write(`${letters.length} dead letter(s)\n`);
    } else {
      const replayed = await replayDeadLetters(nc, filter);
      for (const letter of replayed) process.stdout.write(`replayed ${line(letter)}\n`);
      process.stdout.write(`${replayed.length} dead letter(s) replayed\n`);
    }
  } finally {
    await nc.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
