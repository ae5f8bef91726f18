import 'reflect-metadata';

import { BusClient, EventPublisher } from '@cohort/bus';
import {
  type Caller,
  type EventMap,
  type EventType,
  type GroupKey,
  ModerationCommands,
  ServiceNames,
} from '@cohort/contracts';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';

import { GroupFactsRepository } from '../src/projections/group-facts.repository';
import type { UserFactValues } from '../src/standings/facts';
import { StandingRepository } from '../src/standings/standing.repository';

/** The moderation service in-process on real NATS + Mongo-wire DB, driven by other services' events. */
describe('moderation service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.moderation,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_moderation',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const owner = service.caller('owner');
  const appAdmin: Caller = { appId: service.appId, userId: null, isAppAdmin: true };
  let standings: StandingRepository;

  beforeAll(() => {
    standings = service.get(StandingRepository);
  });

  let groupSeq = 0;
  const newGroup = (): GroupKey => ({ appId: service.appId, groupId: String(Date.now() * 1000 + (groupSeq += 1)) });
  const set = <F extends 'mute' | 'block' | 'allow'>(
    key: GroupKey,
    fact: F,
    userIds: string[],
    value: UserFactValues[F],
    at = new Date(),
  ) =>
    standings.apply(
      key,
      fact,
      userIds.map((userId) => ({ userId, value, at })),
    );

  async function seed(key: GroupKey) {
    await set(key, 'mute', ['muted-user'], -1);
    await set(key, 'mute', ['briefly-muted'], Date.now() + 60_000);
    await set(key, 'block', ['blocked-user'], true);
    await set(key, 'allow', ['vip', 'other-vip'], true);
  }

  async function counts(key: GroupKey) {
    const [mutes, blocks, allows] = await Promise.all([
      standings.count(key, 'mute'),
      standings.count(key, 'block'),
      standings.count(key, 'allow'),
    ]);
    return { mutes, blocks, allows };
  }

  /** Publishes an event of another service as if it happened `shiftMs` from now (out-of-order deliveries). */
  async function publishAt<K extends EventType>(type: K, key: GroupKey, data: EventMap[K], shiftMs = 0) {
    const publisher = service.get(EventPublisher);
    const event = publisher.prepare(type, {
      caller: owner,
      correlationId: `it-${shortId()}`,
      groupId: key.groupId,
      data,
    });
    event.occurredAt = new Date(Date.now() + shiftMs).toISOString();
    await publisher.publishEvent(event);
  }

  const decide = (key: GroupKey, userId: string, caller: Caller = appAdmin) =>
    service
      .get(BusClient)
      .send(ModerationCommands.sendCheck, { caller, requestId: `it-${shortId()}` }, { groupId: key.groupId, userId });
  const stats = () =>
    service.get(BusClient).send(ModerationCommands.sendStats, { caller: appAdmin, requestId: 'it-stats' }, {});

  it('answers its health subject', async () => {
    expect(await service.health(owner)).toMatchObject({ service: 'moderation', status: 'ok' });
  });

  it('group.destroyed deletes the group’s mutes, blocks and allowlist (nothing of other groups) and is remembered as gone; twice is harmless', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ mutes: 2, blocks: 1, allows: 2 });
    await publishAt('group.created', destroyed, { muteAllUntil: null } as EventMap['group.created']);
    for (const attempt of [1, 2])
      await publishAt('group.destroyed', destroyed, { type: 'group', ownerId: 'owner' }, attempt);

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ mutes: 0, blocks: 0, allows: 0 }));
    await expectEventually(async () =>
      expect((await service.get(GroupFactsRepository).get(destroyed)).life?.value).toBe(false),
    );
    expect(await counts(survivor)).toEqual({ mutes: 2, blocks: 1, allows: 2 });
  });

  it('member.left takes the user off the allowlist and out of the group; mutes and blocks stay; an entry made after the leave stays', async () => {
    const key = newGroup();
    await seed(key);
    await set(key, 'allow', ['returning'], true, new Date(Date.now() + 60_000));
    for (const userId of ['vip', 'returning', 'muted-user']) {
      await publishAt('member.joined', key, { userId, role: 'member', how: 'added' }, -1000);
      await publishAt('member.left', key, { userId, role: 'member', how: 'kicked' });
    }
    await expectEventually(async () => expect((await standings.get(key, 'muted-user')).role?.value).toBeNull());
    expect(
      (await standings.findListed(key, 'allow', ['vip', 'other-vip', 'returning'])).map((e) => e.userId).sort(),
    ).toEqual(['other-vip', 'returning']);
    expect(await counts(key)).toEqual({ mutes: 2, blocks: 1, allows: 2 });
  });

  it('projects roles whatever order their events arrive in: the newest change wins', async () => {
    const key = newGroup();
    // Made admin after joining, but the role change is delivered first.
    await publishAt('member.role_changed', key, { userId: 'late', role: 'admin', previousRole: 'member' }, 0);
    await publishAt('member.joined', key, { userId: 'late', role: 'member', how: 'added' }, -5_000);
    await publishAt('group.owner_transferred', key, { previousOwnerId: 'old', newOwnerId: 'new' }, 0);
    await publishAt('member.joined', key, { userId: 'sentinel', role: 'member', how: 'added' }, 0);
    await expectEventually(async () => expect((await standings.get(key, 'sentinel')).role?.value).toBe('member'));
    await expectEventually(async () => expect((await standings.get(key, 'late')).role?.value).toBe('admin'));
    expect((await standings.get(key, 'old')).role?.value).toBe('member');
    expect((await standings.get(key, 'new')).role?.value).toBe('owner');
  });

  it('a fact write older than the stored one does not apply (and says so)', async () => {
    const key = newGroup();
    const now = Date.now();
    expect((await set(key, 'mute', ['u1'], -1, new Date(now))).value).toEqual(new Set(['u1']));
    expect((await set(key, 'mute', ['u1'], 0, new Date(now - 1))).value).toEqual(new Set());
    expect((await standings.get(key, 'u1')).mute?.value).toBe(-1);
  });

  describe('the send decision over NATS', () => {
    it('reads the database once for a new group and user, then answers from its cache; events change the next answer at once', async () => {
      const key = newGroup();
      await publishAt('group.created', key, { muteAllUntil: null } as EventMap['group.created']);
      await publishAt('member.joined', key, { userId: 'sender', role: 'member', how: 'added' });
      await expectEventually(async () => expect((await standings.get(key, 'sender')).role?.value).toBe('member'));

      const before = await stats();
      expect(await decide(key, 'sender')).toMatchObject({ allowed: true, reason: 'ok', until: 0, priority: false });
      const afterCold = await stats();
      expect(afterCold.coldDecisions - before.coldDecisions).toBe(1);
      for (let i = 0; i < 20; i++) expect((await decide(key, 'sender')).allowed).toBe(true);
      const afterWarm = await stats();
      expect(afterWarm.decisions - afterCold.decisions).toBe(20);
      expect(afterWarm.coldDecisions).toBe(afterCold.coldDecisions);

      await publishAt('member.muted', key, { userId: 'sender', until: -1 });
      expect(await decide(key, 'sender')).toMatchObject({
        allowed: false,
        reason: 'muted',
        until: -1,
        priority: false,
      });
      await publishAt('group.mute_all_changed', key, { until: -1 });
      await publishAt('member.unmuted', key, { userId: 'sender' });
      expect(await decide(key, 'sender')).toMatchObject({
        allowed: false,
        reason: 'muted_all',
        until: -1,
        priority: false,
      });
      await publishAt('member.allowlisted', key, { userId: 'sender' });
      expect(await decide(key, 'sender')).toMatchObject({ allowed: true, reason: 'ok', until: 0, priority: true });
      await publishAt('group.destroyed', key, { type: 'group', ownerId: 'owner' });
      expect(await decide(key, 'sender')).toMatchObject({
        allowed: false,
        reason: 'group_not_found',
        until: 0,
        priority: false,
      });
      expect((await stats()).coldDecisions).toBe(afterCold.coldDecisions);
    });

    it('is for the app: a user caller is refused', async () => {
      await expect(decide(newGroup(), 'x', owner)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('refuses an invalid query naming the field', async () => {
      await expect(decide({ appId: service.appId, groupId: 'not-a-number' }, 'x')).rejects.toMatchObject({
        code: 'invalid_parameter',
        message: expect.stringContaining('groupId'),
      });
    });
  });
});
