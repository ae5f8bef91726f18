import type { DomainEvent } from '@cohort/contracts';
import type { Model } from 'mongoose';

import { AnnouncementRepository } from './announcement.repository';
import type { AnnouncementDoc } from './schemas/announcement.schema';

const KEY = { appId: 'app', groupId: 'g1' };

/** A model whose inserts fail with a duplicate key the first `taken` times. */
function repository(taken: number) {
  const create = jest.fn(async (doc: Record<string, unknown>) => {
    if (create.mock.calls.length <= taken) throw Object.assign(new Error('E11000'), { code: 11000 });
    return { toObject: () => doc };
  });
  const model = { create, collection: { name: 'announcements' } } as unknown as Model<AnnouncementDoc>;
  return { announcements: new AnnouncementRepository(model), create };
}

const fieldsOf = (announcementId: string) => ({
  announcementId,
  title: 't',
  content: 'c',
  authorId: '1',
  createdAt: 1,
});
const eventOf = (fields: { announcementId: string }) =>
  ({ eventId: `published-${fields.announcementId}`, data: fields }) as unknown as DomainEvent;

describe('AnnouncementRepository.insert', () => {
  it('draws another id when the one drawn is taken in the group; only the stored attempt’s event is in the result', async () => {
    const { announcements, create } = repository(1);
    const written = await announcements.insert(KEY, fieldsOf, eventOf);
    expect(create).toHaveBeenCalledTimes(2);
    const storedId = written.value.announcementId;
    expect(create.mock.calls[0][0].announcementId).not.toBe(storedId);
    expect(written.stored).toEqual([
      { filter: { ...KEY, announcementId: storedId }, events: [eventOf(fieldsOf(storedId))] },
    ]);
  });

  it('gives up after a few taken ids rather than loop', async () => {
    const { announcements, create } = repository(Infinity);
    await expect(announcements.insert(KEY, fieldsOf, eventOf)).rejects.toThrow('no free id');
    expect(create).toHaveBeenCalledTimes(5);
  });
});
