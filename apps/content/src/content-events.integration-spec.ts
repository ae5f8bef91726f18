import 'reflect-metadata';
import { ServiceNames } from '@cohort/contracts';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';
import { AnnouncementRepository } from './announcements/announcement.repository';
import { FileRepository } from './files/file.repository';
import type { GroupKey } from '@cohort/contracts';

/** The content service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('content service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.content,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_content',
    loadModule: async () => (await import('./app.module')).AppModule,
  });
  const owner = service.caller('owner');
  let announcements: AnnouncementRepository;
  let files: FileRepository;

  beforeAll(() => {
    announcements = service.get(AnnouncementRepository);
    files = service.get(FileRepository);
  });

  const newGroup = (): GroupKey => ({ appId: service.appId, groupId: `g${shortId(4)}` });

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
    expect(await service.health(owner)).toMatchObject({ service: 'content', status: 'ok' });
  });

  it('group.destroyed deletes the group’s announcements and files, and nothing of other groups', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ announcements: 2, files: 1 });
    expect((await announcements.latest(destroyed))?.title).toBe('second');

    await service.publishEvent('group.destroyed', owner, destroyed.groupId, { type: 'group', ownerId: 'owner' }, 'it-destroy');

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ announcements: 0, files: 0 }));
    expect(await announcements.latest(destroyed)).toBeNull();
    expect(await counts(survivor)).toEqual({ announcements: 2, files: 1 });
    expect(await files.find(survivor, `${survivor.groupId}-f1`)).toMatchObject({ name: 'notes.pdf', size: 1234 });
  });

  it('group.destroyed delivered twice is harmless (idempotent)', async () => {
    const key = newGroup();
    await seed(key);
    for (const attempt of [1, 2]) {
      await service.publishEvent('group.destroyed', owner, key.groupId, { type: 'chatroom', ownerId: 'owner' }, `it-twice-${attempt}`);
    }
    await expectEventually(async () => expect(await counts(key)).toEqual({ announcements: 0, files: 0 }));
  });
});
