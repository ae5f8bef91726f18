import type { FileView } from '@cohort/contracts';
import { GroupAccessLoader, PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { callBy, givenGroup, newTestService, sentEvents, written } from '@cohort/testing';

import { FileRepository } from './file.repository';
import { FilesService } from './files.service';

const file = (fileId: string, uploaderId: string | null = '3'): FileView => ({
  fileId,
  groupId: 'g1',
  name: `${fileId}.txt`,
  size: 1,
  type: 'text/plain',
  url: `https://files/${fileId}`,
  uploaderId,
  createdAt: 1,
  updatedAt: 1,
});
const upload = { groupId: 'g1', name: 'a.txt', size: 3, type: 'text/plain', url: 'https://files/a' };

function setup() {
  const t = newTestService(FilesService, { real: [GroupAccessLoader] });
  givenGroup(t.mock(PeerFacts), { roles: { '2': 'admin', '3': 'member', '4': 'member' } });
  const files = t.mock(FileRepository);
  const stored = new Map([
    ['f3', file('f3', '3')],
    ['f4', file('f4', '4')],
  ]);
  files.insert.mockImplementation(async (_key, fileOf, eventOf) => {
    const fields = fileOf('123');
    return written({ ...fields, groupId: 'g1' }, eventOf(fields));
  });
  files.find.mockImplementation(async (_key, id) => stored.get(id) ?? null);
  files.findMany.mockImplementation(async (_key, ids) => ids.flatMap((id) => stored.get(id) ?? []));
  files.rename.mockImplementation(async (_key, id, _from, name, event) =>
    written({ ...(stored.get(id) as FileView), name }, event),
  );
  files.markDeleted.mockImplementation(async (_key, _id, event) => written(true, event));
  return { ...t, files, outbox: t.mock(Outbox) };
}

describe('FilesService.upload', () => {
  it('members share files with file.added; the uploader is the caller; outsiders may not', async () => {
    const { service, outbox } = setup();
    const added = await service.upload(callBy('3'), upload);
    expect(added).toMatchObject({ name: 'a.txt', uploaderId: '3', fileId: expect.stringMatching(/^\d+$/) });
    expect(sentEvents(outbox)).toEqual([
      {
        type: 'file.added',
        groupId: 'g1',
        data: expect.objectContaining({ fileId: added.fileId, url: 'https://files/a' }),
      },
    ]);
    await expect(service.upload(callBy('9'), upload)).rejects.toMatchObject({ code: 'not_member' });
  });
});

describe('FilesService.rename', () => {
  it('its uploader or an admin renames it with file.renamed; another member may not', async () => {
    const { service, outbox } = setup();
    await expect(service.rename(callBy('3'), { groupId: 'g1', fileId: 'f3', name: 'b.txt' })).resolves.toMatchObject({
      name: 'b.txt',
    });
    await expect(service.rename(callBy('2'), { groupId: 'g1', fileId: 'f3', name: 'c.txt' })).resolves.toMatchObject({
      name: 'c.txt',
    });
    await expect(service.rename(callBy('4'), { groupId: 'g1', fileId: 'f3', name: 'd.txt' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([
      { fileId: 'f3', name: 'b.txt', previousName: 'f3.txt' },
      { fileId: 'f3', name: 'c.txt', previousName: 'f3.txt' },
    ]);
  });

  it('the same name again changes nothing; a missing file is not_found', async () => {
    const { service, files } = setup();
    await expect(service.rename(callBy('3'), { groupId: 'g1', fileId: 'f3', name: 'f3.txt' })).resolves.toMatchObject({
      name: 'f3.txt',
    });
    expect(files.rename).not.toHaveBeenCalled();
    await expect(service.rename(callBy('3'), { groupId: 'g1', fileId: 'nope', name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('renamed concurrently is a conflict; deleted concurrently is not_found; neither sends an event', async () => {
    const { service, files, outbox } = setup();
    files.rename.mockResolvedValue(written(null));
    await expect(service.rename(callBy('3'), { groupId: 'g1', fileId: 'f3', name: 'b.txt' })).rejects.toMatchObject({
      code: 'conflict',
    });
    files.find.mockResolvedValueOnce(file('f3')).mockResolvedValueOnce(null);
    await expect(service.rename(callBy('3'), { groupId: 'g1', fileId: 'f3', name: 'b.txt' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(sentEvents(outbox)).toEqual([]);
  });
});

describe('FilesService.delete', () => {
  it('a result per file in request order: its own deleted, another’s forbidden, a missing one not_found, a repeat answered twice', async () => {
    const { service, outbox } = setup();
    const results = await service.delete(callBy('3'), { groupId: 'g1', fileIds: ['f3', 'f4', 'nope', 'f3'] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'forbidden', 'not_found', 'ok']);
    expect(sentEvents(outbox)).toEqual([
      { type: 'file.deleted', groupId: 'g1', data: { fileId: 'f3', name: 'f3.txt', url: 'https://files/f3' } },
    ]);
  });

  it('an admin deletes anyone’s; one deleted concurrently is not_found', async () => {
    const { service, files } = setup();
    files.markDeleted.mockImplementation(async (_key, id, event) =>
      id === 'f3' ? written(true, event) : written(false),
    );
    const results = await service.delete(callBy('2'), { groupId: 'g1', fileIds: ['f3', 'f4'] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'not_found']);
  });
});

describe('FilesService reads', () => {
  it('members read a file and the list; a missing file is not_found', async () => {
    const { service, files } = setup();
    files.listPage.mockResolvedValue({ items: [file('f3')], next: null });
    files.count.mockResolvedValue(2);
    await expect(service.get(callBy('4'), { groupId: 'g1', fileId: 'f3' })).resolves.toMatchObject({ fileId: 'f3' });
    await expect(service.get(callBy('4'), { groupId: 'g1', fileId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.list(callBy('4'), { groupId: 'g1', limit: 1 })).resolves.toMatchObject({
      total: 2,
      cursor: null,
    });
    await expect(service.list(callBy('9'), { groupId: 'g1', limit: 1 })).rejects.toMatchObject({ code: 'not_member' });
  });
});
