import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { startStack } from '@cohort/testing';
import { MongoClient } from 'mongodb';

import { median, postJson, timedGet } from './bench-http';
import { runMain } from './run-main';

/** Keyset paging: the first page and a page near the end of 100,000 members should cost about the same. */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE = 1000;
const SEED_CHUNK = 5000;

async function main(): Promise<void> {
  const stack = await startStack({
    suite: 'bench_members',
    env: { RATE_LIMIT_PER_SECOND: '100000000', RATE_LIMIT_PER_USER_PER_SECOND: '100000000', LOG_LEVEL: 'warn' },
    // Membership's debug lines carry each answer's database command count.
    appEnv: { membership: { LOG_LEVEL: 'debug' } },
  });
  const mongo = await MongoClient.connect(stack.mongoUrl);
  try {
    const { access_token: token } = await postJson<{ access_token: string }>(`${stack.baseUrl}/token`, {
      client_id: 'demo',
      client_secret: 'demo-secret',
    });
    const created = await postJson<{ data: { group_id: number } }>(
      `${stack.baseUrl}/group/create?app_id=demo`,
      { name: 'bench room', type: 2, user_list: [] },
      { 'access-token': token, user_id: '1' },
    );
    const groupId = String(created.data.group_id);
    const seedStarted = performance.now();
    await seed(mongo, stack.dbNames.membership, stack.dbNames.groups, groupId);
    process.stdout.write(`seeded ${MEMBERS} members in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

    const headers = { 'access-token': token };
    const list = (cursor: string) =>
      `${stack.baseUrl}/group/member_list?app_id=demo&group_id=${groupId}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    let cursor = '';
    let nearEnd = '';
    const pages = Math.ceil((MEMBERS + 1) / PAGE);
    for (let page = 1; page < pages; page++) {
      cursor = (await timedGet<{ cursor: string }>(list(cursor), headers)).body.cursor;
      if (page === pages - 2) nearEnd = cursor;
    }
    const time = async (url: string, extra: Record<string, string> = {}) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push((await timedGet(url, { ...headers, ...extra })).ms);
      return median(samples);
    };
    const first = await time(list(''));
    const last = await time(list(nearEnd));
    report(`/group/member_list first page (${PAGE})`, first);
    report(`/group/member_list page ${pages - 1} of ${pages} (keyset)`, last);
    process.stdout.write(`ratio near-end / first (keyset): ${(last / first).toFixed(2)}\n`);

    const easemob = await postJson<{ access_token: string }>(`${stack.baseUrl}/demo/demo/token`, {
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 'demo-secret',
    });
    const bearer = { authorization: `Bearer ${easemob.access_token}` };
    const byNumber = (n: number) =>
      `${stack.baseUrl}/demo/demo/chatrooms/${groupId}/users?pagenum=${n}&pagesize=${PAGE}`;
    const firstByNumber = await time(byNumber(1), bearer);
    const lastByNumber = await time(byNumber(pages - 1), bearer);
    report('Easemob users pagenum=1', firstByNumber);
    report(`Easemob users pagenum=${pages - 1} (offset)`, lastByNumber);
    process.stdout.write(`ratio near-end / first (offset): ${(lastByNumber / firstByNumber).toFixed(2)}\n`);

    const addTimes: number[] = [];
    const requestIds: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const requestId = `bench-batch-add-${randomUUID()}`;
      const usernames = Array.from({ length: 60 }, (_, i) => `bench_new_${run}_${i}`);
      const started = performance.now();
      const added = await postJson<{ data: { newmembers: string[] } }>(
        `${stack.baseUrl}/demo/demo/chatrooms/${groupId}/users`,
        { usernames },
        { ...bearer, 'x-request-id': requestId },
      );
      addTimes.push(performance.now() - started);
      if (added.data.newmembers.length !== 60)
        throw new Error(`batch add ${run} added ${added.data.newmembers.length} of 60`);
      requestIds.push(requestId);
    }
    report('Easemob batch add of 60 new members', median(addTimes));
    const counts = await Promise.all(requestIds.map((id) => commandCount(stack.logFiles('membership')[0], id)));
    process.stdout.write(`database commands membership issued per batch add: ${[...new Set(counts)].join(', ')}\n`);
  } finally {
    await mongo.close();
    await stack.stop();
  }
}

function report(title: string, ms: number): void {
  process.stdout.write(`${title.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms (median of ${RUNS})\n`);
}

async function seed(mongo: MongoClient, membershipDb: string, groupsDb: string, groupId: string): Promise<void> {
  const key = { appId: 'demo', groupId };
  const capacity = MEMBERS + 1 + 1000;
  const base = Date.now();
  for (let offset = 0; offset < MEMBERS; offset += SEED_CHUNK) {
    const docs = Array.from({ length: Math.min(SEED_CHUNK, MEMBERS - offset) }, (_, i) => ({
      ...key,
      groupType: 'chatroom',
      userId: `m${offset + i}`,
      role: 'member',
      displayName: '',
      joinedAt: new Date(base + offset + i + 1),
      ...{ msgMuteMode: 0, msgPushMode: 0, notificationsMutedUntil: 0, outbox: [] },
    }));
    await mongo.db(membershipDb).collection('members').insertMany(docs, { ordered: false });
  }
  const memberCount = MEMBERS + 1;
  await mongo
    .db(membershipDb)
    .collection('rosters')
    .updateOne(key, { $set: { capacity, memberCount, freeSlots: capacity - memberCount } });
  await mongo.db(groupsDb).collection('groups').updateOne(key, { $set: { capacity } });
}

/** The log is written asynchronously. */
async function commandCount(logFile: string, requestId: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = readFileSync(logFile, 'utf8')
      .split('\n')
      .find((l) => l.includes(requestId) && l.includes(' answered '));
    const count = line?.match(/after (\d+) db command/)?.[1];
    if (count) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `(no answer line for ${requestId} in ${logFile})`;
}

runMain(main);
