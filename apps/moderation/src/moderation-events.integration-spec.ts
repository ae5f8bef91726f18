import 'reflect-metadata';
import { ServiceNames, type EventMap } from '@cohort/contracts';
import { Outbox } from '@cohort/outbox';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';
import { AllowRepository } from './allowlist/allow.repository';
import { BlockRepository } from './blocks/block.repository';
import { MuteRepository, PERMANENT } from './mutes/mute.repository';

/** The moderation service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('moderation service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.moderation,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_moderation',
    loadModule: async () => (await import('./app.module')).AppModule,
  });
  const owner = service.caller('owner');
  let mutes: MuteRepository;
  let blocks: BlockRepository;
  let allows: AllowRepository;

  beforeAll(() => {
    mutes = service.get(MuteRepository);
    blocks = service.get(BlockRepository);
    allows = service.get(AllowRepository);
  });

  const newGroup = () => ({ appId: service.appId, groupId: `g${shortId(4)}` });

  /** Entries as the services write them, each with its event. */
  const event = <K extends 'member.muted' | 'member.blocked' | 'member.allowlisted'>(type: K, groupId: string, data: EventMap[K]) =>
    service.get(Outbox).prepare(type, { caller: owner, requestId: 'seed' }, groupId, data);
  const allow = (key: { appId: string; groupId: string }, userIds: string[], at?: Date) =>
    allows.setMany(key, userIds.map((userId) => ({ userId, event: event('member.allowlisted', key.groupId, { userId }) })), true, 'owner', at);

  async function seed(key: { appId: string; groupId: string }) {
    const muted = (userId: string, until: number) => ({ userId, until, event: event('member.muted', key.groupId, { userId, until }) });
    await mutes.setMany(key, [muted('muted-user', PERMANENT), muted('briefly-muted', Date.now() + 60_000)], 'owner');
    await blocks.setMany(key, [{ userId: 'blocked-user', event: event('member.blocked', key.groupId, { userId: 'blocked-user' }) }], true, 'owner');
    await allow(key, ['vip', 'other-vip']);
  }

  async function counts(key: { appId: string; groupId: string }) {
    const [m, b, a] = await Promise.all([
      mutes.listPage(key, 100),
      blocks.listPage(key, 100),
      allows.listPage(key, 100),
    ]);
    return { mutes: m.items.length, blocks: b.items.length, allows: a.items.length };
  }

  it('answers its health subject', async () => {
    expect(await service.health(owner)).toMatchObject({ service: 'moderation', status: 'ok' });
  });

  it('group.destroyed deletes the group’s mutes, blocks and allowlist, and nothing of other groups', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ mutes: 2, blocks: 1, allows: 2 });

    await service.publishEvent('group.destroyed', owner, destroyed.groupId, { type: 'group', ownerId: 'owner' }, 'it-destroy');

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ mutes: 0, blocks: 0, allows: 0 }));
    expect(await counts(survivor)).toEqual({ mutes: 2, blocks: 1, allows: 2 });
  });

  it('group.destroyed delivered twice is harmless (idempotent)', async () => {
    const key = newGroup();
    await seed(key);
    for (const attempt of [1, 2]) {
      await service.publishEvent('group.destroyed', owner, key.groupId, { type: 'chatroom', ownerId: 'owner' }, `it-twice-${attempt}`);
    }
    await expectEventually(async () => expect(await counts(key)).toEqual({ mutes: 0, blocks: 0, allows: 0 }));
  });

  it('member.left removes only that user from that group’s allowlist; mutes and blocks stay', async () => {
    const key = newGroup();
    const otherGroup = newGroup();
    await seed(key);
    await allow(otherGroup, ['vip']);

    for (const attempt of [1, 2]) {
      await service.publishEvent('member.left', service.caller('vip'), key.groupId, { userId: 'vip', role: 'member', how: 'left' }, `it-left-${attempt}`);
    }

    await expectEventually(async () => expect(await allows.find(key, ['vip'])).toEqual([]));
    expect((await allows.find(key, ['other-vip'])).map((e) => e.userId)).toEqual(['other-vip']);
    expect((await allows.find(otherGroup, ['vip'])).map((e) => e.userId)).toEqual(['vip']);
    // A mute survives leaving and re-joining; the leave event does not touch mutes or blocks.
    expect(await counts(key)).toEqual({ mutes: 2, blocks: 1, allows: 1 });
  });

  it('keeps an allowlist entry written after the leave it hears about (re-joined, re-allowlisted)', async () => {
    const key = newGroup();
    // Stands for "re-allowlisted after re-joining": written later than the event occurred.
    await allow(key, ['returning'], new Date(Date.now() + 60_000));
    await allow(key, ['sentinel']);
    for (const userId of ['returning', 'sentinel']) {
      await service.publishEvent('member.left', service.caller(userId), key.groupId, { userId, role: 'member', how: 'kicked' }, `it-late-${userId}`);
    }
    // One durable consumer handles events in order: once the sentinel is gone, so is the first event.
    await expectEventually(async () => expect(await allows.find(key, ['sentinel'])).toEqual([]));
    expect((await allows.find(key, ['returning'])).map((e) => e.userId)).toEqual(['returning']);
  });
});
