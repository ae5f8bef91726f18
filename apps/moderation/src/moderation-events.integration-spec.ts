import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { BusClient, EventPublisher } from '@cohort/bus';
import { ServiceNames, Subjects, type Caller } from '@cohort/contracts';
import { bootServiceInProcess, expectEventually, shortId, startTestServers, uniqueDbName, type TestServers } from '@cohort/testing';
import { AllowRepository } from './allowlist/allow.repository';
import { BlockRepository } from './blocks/block.repository';
import { MuteRepository, PERMANENT } from './mutes/mute.repository';

// Starting NATS (and FerretDB when no shared one is running) can take a while on a cold machine.
const BOOT_TIMEOUT_MS = 90_000;
jest.setTimeout(30_000);

/** The moderation service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('moderation service events (integration)', () => {
  const appId = `app_${shortId()}`;
  const owner: Caller = { appId, userId: 'owner', isAppAdmin: false };
  let servers: TestServers;
  let app: INestMicroservice;
  let mutes: MuteRepository;
  let blocks: BlockRepository;
  let allows: AllowRepository;
  let events: EventPublisher;

  beforeAll(async () => {
    servers = await startTestServers();
        app = await bootServiceInProcess({
      serviceName: ServiceNames.moderation,
      servers,
      dbName: uniqueDbName('it_moderation'),
      loadModule: async () => (await import('./app.module')).AppModule,
    });
    mutes = app.get(MuteRepository);
    blocks = app.get(BlockRepository);
    allows = app.get(AllowRepository);
    events = app.get(EventPublisher);
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await servers?.stop();
  }, BOOT_TIMEOUT_MS);

  const newGroup = () => ({ appId, groupId: `g${shortId(4)}` });

  async function seed(key: { appId: string; groupId: string }) {
    await mutes.upsert(key, 'muted-user', PERMANENT, 'owner');
    await mutes.upsert(key, 'briefly-muted', Date.now() + 60_000, 'owner');
    await blocks.add(key, ['blocked-user'], 'owner');
    await allows.add(key, ['vip', 'other-vip'], 'owner');
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
    const health = await app
      .get(BusClient)
      .send(Subjects.moderation.health, { caller: owner, requestId: 'health' }, {});
    expect(health).toMatchObject({ service: 'moderation', status: 'ok' });
  });

  it('group.destroyed deletes the group’s mutes, blocks and allowlist, and nothing of other groups', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ mutes: 2, blocks: 1, allows: 2 });

    await events.publish('group.destroyed', {
      caller: owner,
      correlationId: 'it-destroy',
      groupId: destroyed.groupId,
      data: { type: 'group', ownerId: 'owner' },
    });

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ mutes: 0, blocks: 0, allows: 0 }));
    expect(await counts(survivor)).toEqual({ mutes: 2, blocks: 1, allows: 2 });
  });

  it('group.destroyed delivered twice is harmless (idempotent)', async () => {
    const key = newGroup();
    await seed(key);
    for (const attempt of [1, 2]) {
      await events.publish('group.destroyed', {
        caller: owner,
        correlationId: `it-twice-${attempt}`,
        groupId: key.groupId,
        data: { type: 'chatroom', ownerId: 'owner' },
      });
    }
    await expectEventually(async () => expect(await counts(key)).toEqual({ mutes: 0, blocks: 0, allows: 0 }));
  });

  it('member.left removes only that user from that group’s allowlist; mutes and blocks stay', async () => {
    const key = newGroup();
    const otherGroup = newGroup();
    await seed(key);
    await allows.add(otherGroup, ['vip'], 'owner');

    for (const attempt of [1, 2]) {
      await events.publish('member.left', {
        caller: { appId, userId: 'vip', isAppAdmin: false },
        correlationId: `it-left-${attempt}`,
        groupId: key.groupId,
        data: { userId: 'vip', how: 'left' },
      });
    }

    await expectEventually(async () => expect(await allows.find(key, ['vip'])).toEqual([]));
    expect((await allows.find(key, ['other-vip'])).map((e) => e.userId)).toEqual(['other-vip']);
    expect((await allows.find(otherGroup, ['vip'])).map((e) => e.userId)).toEqual(['vip']);
    // A mute survives leaving (domain.md); the leave event does not touch mutes or blocks.
    expect(await counts(key)).toEqual({ mutes: 2, blocks: 1, allows: 1 });
  });

  it('keeps an allowlist entry written after the leave it hears about (re-joined, re-allowlisted)', async () => {
    const key = newGroup();
    // Stands for "re-allowlisted after re-joining": written later than the event occurred.
    await allows.add(key, ['returning'], 'owner', new Date(Date.now() + 60_000));
    await allows.add(key, ['sentinel'], 'owner');
    for (const userId of ['returning', 'sentinel']) {
      await events.publish('member.left', {
        caller: { appId, userId, isAppAdmin: false },
        correlationId: `it-late-${userId}`,
        groupId: key.groupId,
        data: { userId, how: 'kicked' },
      });
    }
    // One durable consumer handles events in order: once the sentinel is gone, so is the first event.
    await expectEventually(async () => expect(await allows.find(key, ['sentinel'])).toEqual([]));
    expect((await allows.find(key, ['returning'])).map((e) => e.userId)).toEqual(['returning']);
  });
});
