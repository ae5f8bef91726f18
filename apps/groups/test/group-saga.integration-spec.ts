import 'reflect-metadata';

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { BusClient, EventPublisher, EventStream, type RequestContext } from '@cohort/bus';
import {
  type Caller,
  type DomainEvent,
  EVENTS_STREAM,
  eventSubject,
  type EventType,
  GroupCommands,
  HealthCommands,
  Limits,
  ServiceNames,
} from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { builtAppMain, findRepoRoot, type ManagedProcess, startManagedProcess } from '@cohort/local-infra';
import {
  bootServiceInProcess,
  expectEventually,
  shortId,
  startBusPeer,
  startTestServers,
  type TestServers,
  uniqueDbName,
} from '@cohort/testing';
import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { type Collection, type Document, MongoClient } from 'mongodb';

import { defaultSettings } from '../src/groups/group-defaults';

/**
 * The group-creation saga and its sweeper on real NATS + Mongo-wire DB: the groups service runs
 * in-process; membership runs from dist/ as a child process (another app's module cannot be
 * imported from here: Nx module boundaries), so it can be stopped and started to be "down".
 * Needs `npm run build` (tools/build.sh) first, like the e2e suites.
 */

/** The sweeper's fastest settings (groups.config.ts minimums). */
const SWEEP_INTERVAL_MS = 500;
const PENDING_GROUP_TIMEOUT_MS = 1_000;
/** Old enough for the sweeper to act on it at its next pass. */
const LONG_AGO = () => new Date(Date.now() - 60_000);
const SWEEP_WAIT = { timeoutMs: 15_000, intervalMs: 100 };

describe('group creation saga and sweeper (groups in-process, membership from dist, real NATS + DB)', () => {
  jest.setTimeout(40_000);

  const rootDir = findRepoRoot();
  const membershipMain = builtAppMain(rootDir, 'membership');
  const groupsDb = uniqueDbName('it_groups_saga');
  const membershipDb = uniqueDbName('it_groups_saga_membership');
  const logFile = join(rootDir, '.infra', 'logs', 'groups_saga_it', 'membership.log');

  let servers: TestServers;
  let groupsApp: INestMicroservice | undefined;
  let peer: INestApplicationContext | undefined;
  let mongo: MongoClient | undefined;
  let membership: ManagedProcess | undefined;

  const bus = () => peer!.get(BusClient);
  const groupsColl = (): Collection<Document> => mongo!.db(groupsDb).collection('groups');
  const rostersColl = (): Collection<Document> => mongo!.db(membershipDb).collection('rosters');
  const membersColl = (): Collection<Document> => mongo!.db(membershipDb).collection('members');

  const newAppId = () => `app_${shortId()}`;
  const ownerCtx = (appId: string): RequestContext => ({
    caller: { appId, userId: 'owner-1', isAppAdmin: false },
    requestId: `saga-it-${shortId()}`,
  });
  const adminCaller = (appId: string): Caller => ({ appId, userId: null, isAppAdmin: true });

  /** Answers true when membership's health subject answers, false on "no responders". */
  async function membershipAnswers(): Promise<boolean> {
    try {
      await bus().send(HealthCommands.membership, { caller: adminCaller('system'), requestId: 'saga-it-health' }, {});
      return true;
    } catch (error) {
      if (isDomainError(error) && (error.code === 'unavailable' || error.code === 'timeout')) return false;
      throw error;
    }
  }

  /** Starts membership (dist/) on the suite's NATS and its own database; waits until it answers. */
  async function membershipUp(): Promise<void> {
    if (membership && !membership.hasExited()) return;
    const proc = startManagedProcess({
      name: 'membership',
      command: process.execPath,
      args: [membershipMain],
      cwd: rootDir,
      env: {
        ...process.env,
        NATS_URL: servers.natsUrl,
        MONGO_URL: servers.mongoUrl,
        MONGO_DB: membershipDb,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
      },
      logFile,
    });
    membership = proc;
    const deadline = Date.now() + 30_000;
    while (!(await membershipAnswers())) {
      if (proc.hasExited()) throw new Error(`membership exited during boot:\n${proc.tail()}`);
      if (Date.now() > deadline) throw new Error(`membership did not answer within 30s:\n${proc.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops membership and waits until the bus says nobody answers its subjects. */
  async function membershipDown(): Promise<void> {
    await membership?.stop();
    membership = undefined;
    await expectEventually(async () => expect(await membershipAnswers()).toBe(false), { timeoutMs: 5_000 });
  }

  /** Every event of `type` about the app (and group) now stored in COHORT_EVENTS, in stream order. */
  async function storedEvents<K extends EventType>(
    type: K,
    appId: string,
    groupId?: string,
  ): Promise<{ msgId: string | undefined; event: DomainEvent<K> }[]> {
    const jsm = await peer!.get(EventStream).ensure();
    const { state } = await jsm.streams.info(EVENTS_STREAM);
    const found: { msgId: string | undefined; event: DomainEvent<K> }[] = [];
    if (state.messages === 0) return found;
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(EVENTS_STREAM, { seq });
      if (msg.subject !== eventSubject(type)) continue;
      const event = msg.json<DomainEvent<K>>();
      if (event.appId !== appId || (groupId !== undefined && event.groupId !== groupId)) continue;
      found.push({ msgId: msg.header?.get('Nats-Msg-Id'), event });
    }
    return found;
  }

  /** The data of a `group.created` event as the creation saga prepares it. */
  function republished(groupId: string): DomainEvent<'group.created'>['data'] {
    return {
      ...{
        groupId,
        type: 'group',
        name: 'Republished',
        description: '',
        avatar: '',
        ext: '',
        ownerId: 'owner-1',
        creatorId: 'owner-1',
        capacity: 10,
        public: false,
      },
      ...{
        status: 'active',
        settings: defaultSettings('group'),
        muteAllUntil: null,
        createdAt: 0,
        updatedAt: 0,
        memberCount: 1,
      },
    };
  }

  /** A group document as GroupRepository.insertPending would write it (every required field). */
  function groupDoc(appId: string, groupId: string, fields: Record<string, unknown>): Document {
    const createdAt = LONG_AGO();
    return {
      appId,
      groupId,
      type: 'group',
      name: `sweep ${groupId}`,
      description: '',
      avatar: '',
      ext: '',
      ownerId: 'owner-1',
      capacity: 10,
      public: false,
      status: 'pending',
      settings: {
        applyApproval: 1,
        memberInvite: false,
        memberModify: false,
        readAck: false,
        historyVisible: true,
        disappearSeconds: 0,
      },
      muteAllUntil: null,
      outbox: [],
      createdAt,
      updatedAt: createdAt,
      ...fields,
    };
  }

  /** A roster and its members as membership's RosterRepository would write them. */
  async function seedRoster(appId: string, groupId: string, userIds: string[]): Promise<void> {
    const now = new Date();
    await rostersColl().insertOne({
      ...{
        appId,
        groupId,
        type: 'group',
        ownerId: userIds[0],
        capacity: 10,
        memberCount: userIds.length,
        freeSlots: 10 - userIds.length,
      },
      ...{ adminCount: 0, inviteCode: `code-${groupId}-${shortId()}`, createdAt: now, outbox: [] },
    });
    await membersColl().insertMany(
      userIds.map((userId, index) => ({
        appId,
        groupId,
        userId,
        role: index === 0 ? 'owner' : 'member',
        displayName: '',
        joinedAt: new Date(now.getTime() + index),
        msgMuteMode: 0,
        msgPushMode: 0,
        notificationsMutedUntil: 0,
        outbox: [],
      })),
    );
  }

  const rosterCounts = async (appId: string, groupId: string) => ({
    rosters: await rostersColl().countDocuments({ appId, groupId }),
    members: await membersColl().countDocuments({ appId, groupId }),
  });

  beforeAll(async () => {
    if (!existsSync(membershipMain)) {
      throw new Error(`${membershipMain} is missing: run \`npm run build\` (tools/build.sh) before this suite`);
    }
    rmSync(logFile, { force: true });
    servers = await startTestServers();
    // Read by the groups AppModule's config when it is imported (inside bootServiceInProcess).
    process.env.SWEEP_INTERVAL_MS = String(SWEEP_INTERVAL_MS);
    process.env.PENDING_GROUP_TIMEOUT_MS = String(PENDING_GROUP_TIMEOUT_MS);
    process.env.OUTBOX_STALE_MS = String(PENDING_GROUP_TIMEOUT_MS);
    groupsApp = await bootServiceInProcess({
      serviceName: ServiceNames.groups,
      servers,
      dbName: groupsDb,
      loadModule: async () => (await import('../src/app.module')).AppModule,
    });
    // The env (NATS_URL...) is in place now: the peer's config reads it.
    peer = await startBusPeer(servers);
    mongo = await MongoClient.connect(servers.mongoUrl);
  }, 90_000);

  afterAll(async () => {
    await membership?.stop();
    await groupsApp?.close();
    await peer?.close();
    if (mongo) {
      await mongo
        .db(groupsDb)
        .dropDatabase()
        .catch(() => undefined);
      await mongo
        .db(membershipDb)
        .dropDatabase()
        .catch(() => undefined);
      await mongo.close();
    }
    await servers?.stop();
    delete process.env.SWEEP_INTERVAL_MS;
    delete process.env.PENDING_GROUP_TIMEOUT_MS;
    delete process.env.OUTBOX_STALE_MS;
  }, 90_000);

  it('creates a group: active, roster with the owner and de-duplicated members, group.created and one member.joined each', async () => {
    await membershipUp();
    const appId = newAppId();

    const reply = await bus().send(GroupCommands.create, ownerCtx(appId), {
      type: 'group',
      name: 'Saga',
      memberIds: ['u2', 'u3', 'u2', 'owner-1'],
    });

    expect(reply).toMatchObject({
      status: 'active',
      memberCount: 3,
      ownerId: 'owner-1',
      callerMember: { userId: 'owner-1', role: 'owner' },
    });
    const { groupId } = reply;

    const stored = await groupsColl().find({ appId }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ groupId, status: 'active', outbox: [], ownerId: 'owner-1' });

    const members = await membersColl().find({ appId, groupId }).sort({ userId: 1 }).toArray();
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      ['owner-1', 'owner'],
      ['u2', 'member'],
      ['u3', 'member'],
    ]);
    // Each member stored its join event with itself; sent and removed before the reply (in one
    // bulk write; `outboxSince` is cleared by the next sweep, whose forgetEmpty needs no key).
    expect(members.map((m) => m.outbox)).toEqual([[], [], []]);
    expect(await rostersColl().find({ appId, groupId }).toArray()).toEqual([
      expect.objectContaining({ ownerId: 'owner-1', memberCount: 3, capacity: Limits.defaultCapacity }),
    ]);

    const created = await storedEvents('group.created', appId, groupId);
    expect(created).toHaveLength(1);
    expect(created[0].msgId).toBe(`group.created:${appId}:${groupId}`);
    expect(created[0].event).toMatchObject({
      eventId: `group.created:${appId}:${groupId}`,
      actor: { userId: 'owner-1', isAppAdmin: false },
      data: { type: 'group', name: 'Saga', ownerId: 'owner-1', capacity: Limits.defaultCapacity, memberCount: 3 },
    });

    const joined = await storedEvents('member.joined', appId, groupId);
    expect(joined.map(({ event }) => [event.data.userId, event.data.role, event.data.how]).sort()).toEqual([
      ['owner-1', 'owner', 'created'],
      ['u2', 'member', 'created'],
      ['u3', 'member', 'created'],
    ]);
  });

  it('membership down: create fails fast with "unavailable" and leaves no group record behind', async () => {
    await membershipDown();
    const appId = newAppId();

    const started = Date.now();
    await expect(
      bus().send(GroupCommands.create, ownerCtx(appId), { type: 'group', name: 'Doomed', memberIds: ['u2'] }),
    ).rejects.toMatchObject({ code: 'unavailable' });
    // NATS "no responders", not the 10s bus timeout.
    expect(Date.now() - started).toBeLessThan(3_000);

    // The compensation deleted the pending record before answering (docs/decisions.md, saga).
    expect(await groupsColl().find({ appId }).toArray()).toEqual([]);
    expect(await storedEvents('group.created', appId)).toEqual([]);
  });

  it('sweeper rolls back a group left pending: the record, its roster and members go', async () => {
    await membershipUp();
    const appId = newAppId();
    const groupId = String(1_000_000_000 + Math.floor(Math.random() * 1e9));
    const otherGroupId = String(Number(groupId) + 1);
    await seedRoster(appId, groupId, ['owner-1', 'u2']);
    // A roster the sweeper must not touch (no pending group for it).
    await seedRoster(appId, otherGroupId, ['owner-1']);
    await groupsColl().insertOne(groupDoc(appId, groupId, { status: 'pending' }));

    await expectEventually(async () => {
      expect(await groupsColl().countDocuments({ appId, groupId })).toBe(0);
      expect(await rosterCounts(appId, groupId)).toEqual({ rosters: 0, members: 0 });
    }, SWEEP_WAIT);
    expect(await rosterCounts(appId, otherGroupId)).toEqual({ rosters: 1, members: 1 });
    expect(await storedEvents('group.created', appId, groupId)).toEqual([]);
  });

  it('sweeper sends an event left in an outbox under its message id: JetStream keeps one copy', async () => {
    await membershipUp();
    const appId = newAppId();
    const groupId = String(1_000_000_000 + Math.floor(Math.random() * 1e9));
    const eventId = `group.created:${appId}:${groupId}`;

    // The fact was already published (twice, as a retried step would): the stream drops the copy.
    const publisher = peer!.get(EventPublisher);
    for (const attempt of [1, 2]) {
      const event = await publisher.publish('group.created', {
        caller: adminCaller(appId),
        correlationId: `prepublish-${attempt}`,
        groupId,
        dedupKey: groupId,
        data: republished(groupId),
      });
      expect(event.eventId).toBe(eventId);
    }
    expect((await storedEvents('group.created', appId, groupId)).map((e) => e.event.correlationId)).toEqual([
      'prepublish-1',
    ]);

    // A committed change whose event was never confirmed: it waits in the group's outbox.
    const leftover = publisher.prepare('group.created', {
      caller: adminCaller(appId),
      correlationId: 'from-outbox',
      groupId,
      dedupKey: groupId,
      data: republished(groupId),
    });
    await groupsColl().insertOne(
      groupDoc(appId, groupId, { status: 'active', name: 'Republished', outbox: [leftover], outboxSince: LONG_AGO() }),
    );

    await expectEventually(async () => {
      const swept = await groupsColl().findOne({ appId, groupId });
      expect(swept).toMatchObject({ status: 'active', outbox: [] });
      expect(swept).not.toHaveProperty('outboxSince');
    }, SWEEP_WAIT);
    // The sweeper's publish was acknowledged before the entry was removed, and dropped as a duplicate.
    const stored = await storedEvents('group.created', appId, groupId);
    expect(stored.map((e) => [e.msgId, e.event.eventId, e.event.correlationId])).toEqual([
      [eventId, eventId, 'prepublish-1'],
    ]);
  });

  it('an app admin destroys a group while membership is down; membership purges the roster when back', async () => {
    await membershipUp();
    const appId = newAppId();
    const { groupId } = await bus().send(GroupCommands.create, ownerCtx(appId), {
      type: 'group',
      name: 'Short-lived',
      memberIds: ['u2', 'u3'],
    });
    expect(await rosterCounts(appId, groupId)).toEqual({ rosters: 1, members: 3 });

    await membershipDown();
    const reply = await bus().send(
      GroupCommands.destroy,
      { caller: adminCaller(appId), requestId: 'saga-it-destroy' },
      { groupId },
    );
    expect(reply).toEqual({ destroyed: true });
    expect(await groupsColl().findOne({ appId, groupId })).toMatchObject({ status: 'dissolved' });
    const destroyed = await storedEvents('group.destroyed', appId, groupId);
    expect(destroyed.map((e) => e.event.eventId)).toEqual([`group.destroyed:${appId}:${groupId}`]);
    // Nobody consumed it yet.
    expect(await rosterCounts(appId, groupId)).toEqual({ rosters: 1, members: 3 });

    await membershipUp();
    await expectEventually(
      async () => expect(await rosterCounts(appId, groupId)).toEqual({ rosters: 0, members: 0 }),
      SWEEP_WAIT,
    );
  });
});
