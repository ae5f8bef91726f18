import 'reflect-metadata';

import type { GroupKey } from '@cohort/contracts';
import { type EventMap, ServiceNames } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Outbox, OUTBOX_LIMIT } from '@cohort/outbox';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { AnnouncementRepository } from '../src/announcements/announcement.repository';
import { AnnouncementDoc } from '../src/announcements/schemas/announcement.schema';
import { FileRepository } from '../src/files/file.repository';
import { FileDoc } from '../src/files/schemas/file.schema';

/** The content service in-process on real NATS + Mongo-wire DB: driven by its events, and its conditional writes under races. */
describe('content service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.content,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_content',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const owner = service.caller('owner');
  let announcements: AnnouncementRepository;
  let files: FileRepository;

  beforeAll(() => {
    announcements = service.get(AnnouncementRepository);
    files = service.get(FileRepository);
  });

  const newGroup = (): GroupKey => ({ appId: service.appId, groupId: `g${shortId(4)}` });

  /** Events as the services prepare them, stored with their changes. */
  const event = <
    K extends 'announcement.published' | 'announcement.deleted' | 'file.added' | 'file.renamed' | 'file.deleted',
  >(
    type: K,
    groupId: string,
    data: EventMap[K],
  ) => service.get(Outbox).prepare(type, { caller: owner, requestId: 'seed' }, groupId, data);

  /** Three announcements, the last one deleted (so the second is current), and a file. */
  async function seed(key: GroupKey) {
    const base = Date.now();
    for (const [i, title] of ['first', 'second', 'withdrawn'].entries()) {
      const announcement = {
        announcementId: `${1000 + i}`,
        title,
        content: `${title} announcement`,
        authorId: 'owner',
        createdAt: base + i,
      };
      await announcements.insert(
        key,
        () => announcement,
        () => event('announcement.published', key.groupId, announcement),
      );
    }
    await announcements.markDeleted(
      key,
      '1002',
      event('announcement.deleted', key.groupId, { announcementId: '1002' }),
    );
    const file = {
      fileId: '2000',
      name: 'notes.pdf',
      size: 1234,
      type: 'application/pdf',
      url: 'https://files.example.com/notes.pdf',
      uploaderId: 'member-1',
      createdAt: base,
      updatedAt: base,
    };
    await files.insert(
      key,
      () => file,
      () => event('file.added', key.groupId, file),
    );
  }

  /** Every document of the group, deleted ones included. */
  async function counts(key: GroupKey) {
    const [a, f] = await Promise.all([countAll(AnnouncementDoc.name, key), countAll(FileDoc.name, key)]);
    return { announcements: a, files: f };
  }
  const countAll = (model: string, key: GroupKey) =>
    service.app.get<Model<unknown>>(getModelToken(model)).countDocuments(key);

  it('answers its health subject', async () => {
    expect(await service.health(owner)).toMatchObject({ service: 'content', status: 'ok' });
  });

  it('group.destroyed deletes the group’s announcements and files, and nothing of other groups', async () => {
    const destroyed = newGroup();
    const survivor = newGroup();
    await seed(destroyed);
    await seed(survivor);
    expect(await counts(destroyed)).toEqual({ announcements: 3, files: 1 });
    // The deleted announcement is invisible: the one before it is current.
    expect((await announcements.latest(destroyed))?.title).toBe('second');

    await service.publishEvent(
      'group.destroyed',
      owner,
      destroyed.groupId,
      { type: 'group', ownerId: 'owner' },
      'it-destroy',
    );

    await expectEventually(async () => expect(await counts(destroyed)).toEqual({ announcements: 0, files: 0 }));
    expect(await announcements.latest(destroyed)).toBeNull();
    expect(await counts(survivor)).toEqual({ announcements: 3, files: 1 });
    expect(await files.find(survivor, '2000')).toMatchObject({ name: 'notes.pdf', size: 1234 });
  });

  it('group.destroyed delivered twice is harmless (idempotent)', async () => {
    const key = newGroup();
    await seed(key);
    for (const attempt of [1, 2]) {
      await service.publishEvent(
        'group.destroyed',
        owner,
        key.groupId,
        { type: 'chatroom', ownerId: 'owner' },
        `it-twice-${attempt}`,
      );
    }
    await expectEventually(async () => expect(await counts(key)).toEqual({ announcements: 0, files: 0 }));
  });

  it('a deletion or a rename is decided once when callers race: one succeeds, the others find it changed', async () => {
    const key = newGroup();
    await seed(key);
    const deleted = event('file.deleted', key.groupId, {
      fileId: '2000',
      name: 'notes.pdf',
      url: 'https://files.example.com/notes.pdf',
    });
    const renames = await Promise.all(
      ['a.pdf', 'b.pdf', 'c.pdf'].map((to) =>
        files.rename(
          key,
          '2000',
          'notes.pdf',
          to,
          event('file.renamed', key.groupId, { fileId: '2000', name: to, previousName: 'notes.pdf' }),
        ),
      ),
    );
    expect(renames.filter((r) => r.value !== null)).toHaveLength(1);
    const outcomes = await Promise.all([1, 2, 3].map(() => files.markDeleted(key, '2000', deleted)));
    expect(outcomes.filter((o) => o.value)).toHaveLength(1);
    expect(await files.find(key, '2000')).toBeNull();
    expect(await files.listPage(key, 10)).toEqual({ items: [], next: null });
  });

  it('an item whose outbox is full (JetStream refusing publishes) refuses its next change as unavailable, writing nothing', async () => {
    const key = newGroup();
    await seed(key);
    const fileDocs = service.app.get<Model<unknown>>(getModelToken(FileDoc.name));
    const waiting = Array.from({ length: OUTBOX_LIMIT }, (_, i) =>
      event('file.renamed', key.groupId, { fileId: '2000', name: `n${i}.pdf`, previousName: 'notes.pdf' }),
    );
    await fileDocs.updateOne({ ...key, fileId: '2000' }, { $set: { outbox: waiting } });
    const rename = () =>
      files.rename(
        key,
        '2000',
        'notes.pdf',
        'later.pdf',
        event('file.renamed', key.groupId, { fileId: '2000', name: 'later.pdf', previousName: 'notes.pdf' }),
      );
    const deleted = event('file.deleted', key.groupId, {
      fileId: '2000',
      name: 'notes.pdf',
      url: 'https://files.example.com/notes.pdf',
    });
    const codeOf = (error: unknown) => (isDomainError(error) ? error.code : error);
    await expect(rename().catch(codeOf)).resolves.toBe('unavailable');
    await expect(files.markDeleted(key, '2000', deleted).catch(codeOf)).resolves.toBe('unavailable');
    expect(await files.find(key, '2000')).toMatchObject({ name: 'notes.pdf' });
    // Once the sweep has sent what waited, changes pass again; a missing file is still just "not there".
    await fileDocs.updateOne({ ...key, fileId: '2000' }, { $set: { outbox: [] } });
    expect((await rename()).value).toMatchObject({ name: 'later.pdf' });
    expect((await files.markDeleted(key, '2999', deleted)).value).toBe(false);
  });
});
