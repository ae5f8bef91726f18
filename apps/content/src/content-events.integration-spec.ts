import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { BusClient, EventPublisher } from '@cohort/bus';
import { ServiceNames, Subjects, type Caller } from '@cohort/contracts';
import { bootServiceInProcess, expectEventually, shortId, startTestServers, uniqueDbName, type TestServers } from '@cohort/testing';
import { AnnouncementRepository } from './announcements/announcement.repository';
import { FileRepository } from './files/file.repository';
import type { GroupKey } from './group-key';

// Starting NATS (and FerretDB when no shared one is running) can take a while on a cold machine.
const BOOT_TIMEOUT_MS = 90_000;
jest.setTimeout(30_000);

/** The content service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('content service events (integration)', () => {
  const appId = `app_${shortId()}`;
  const owner: Caller = { appId, userId: 'owner', isAppAdmin: false };
  let servers: TestServers;
  let app: INestMicroservice;
  let announcements: AnnouncementRepository;
  let files: FileRepository;
  let events: EventPublisher;

  beforeAll(async () => {
    servers = await startTestServers();
    app = await bootServiceInProcess({
      serviceName: ServiceNames.content,
      servers,
      dbName: uniqueDbName('it_content'),
      loadModule: async () => (await import('./app.module')).AppModule,
    });
    announcements = app.get(AnnouncementRepository);
    files = app.get(FileRepository);
    events = app.get(EventPublisher);
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await servers?.stop();
  }, BOOT_TIMEOUT_MS);

  const newGroup = (): GroupKey => ({ appId, groupId: `g${shortId(4)}` });

  async function seed(key: GroupKey) {
    const base = Date.now();
    for (const [i, title] of ['first', 'second'].entries()) {
      await announcements.insert(key, {
        announcementId: `${key.groupId}-a${i}`,
        title,
        content: `${title} announcement`,
        authorId: 'owner',
        createdAt: new Date(base + i),
      });
    }
    await files.insert(key, {
      fileId: `${key.groupId}-f1`,
      name: 'notes.pdf',
      size: 1234,
      type: 'application/pdf',
      url: 'https://files.example.com/notes.pdf',
      uploaderId: 'member-1',
    });
  }

  async function counts(key: GroupKey) {
    const [a, f] = await Promise.all([announcements.listNewestFirst(key, 100), files.listPage(key, 100)]);
    return { announcements: a.items.length, files: f.items.length };
  }

  it('answers its health subject', async () => {
    const health = await app.get(BusClient).send(Subjects.content.health, { caller: owner, requestId: 'health' }, {});
    expect(health).toMatchObject({ service: 'content', status: 'ok' });
  });

  it('group.destroyed deletes the group’s announcements and files, and nothing of other groups', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ announcements: 2, files: 1 });
    expect((await announcements.latest(destroyed))?.title).toBe('second');

    await events.publish('group.destroyed', {
      caller: owner,
      correlationId: 'it-destroy',
      groupId: destroyed.groupId,
      data: { type: 'group', ownerId: 'owner' },
    });

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ announcements: 0, files: 0 }));
    expect(await announcements.latest(destroyed)).toBeNull();
    expect(await counts(survivor)).toEqual({ announcements: 2, files: 1 });
    expect(await files.find(survivor, `${survivor.groupId}-f1`)).toMatchObject({ name: 'notes.pdf', size: 1234 });
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
    await expectEventually(async () => expect(await counts(key)).toEqual({ announcements: 0, files: 0 }));
  });
});
