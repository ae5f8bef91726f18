// Shared files of /group through the real built stack: upload (4.23), get (4.19), list (4.21),
// update_name (4.22) and delete (4.20): members share, the uploader or an admin changes, limits,
// another group's ids, per-file results, the stored documents and their events.
import { expectEventually } from '@cohort/testing';

import { ContentApi, expectItem, FILE_KEYS, type SharedFile, storedAndSent, useEventTaps } from './content-e2e.helpers';
import {
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnchanged,
  newUserId,
} from './group-e2e.helpers';
import { expectPage } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

const UNKNOWN_ID = 4_000_000_005_555;
const PDF = { name: 'notes.pdf', size: 1234, type: 'application/pdf', url: 'https://files.example.com/notes.pdf' };

describe('/group files', () => {
  const e2e = useGroupStack('group-files', { api: (baseUrl) => new ContentApi(baseUrl) });
  const { owner, member } = e2e.users;
  const events = useEventTaps(() => e2e.stack, ['file.added', 'file.renamed', 'file.deleted', 'group.destroyed']);

  /** A group (or chatroom: created by the app admin for the owner) of the owner, the member and `others`. */
  const newGroup = async (others: string[] = [], type: 0 | 2 = 0) =>
    (await e2e.api.createGroup(e2e.tokens.app, { type, user_list: [member, ...others] }, { user_id: owner })).group_id;
  const countStored = (groupId: number) => e2e.db.files.countDocuments(groupKey(groupId));
  const names = async (groupId: number): Promise<string[]> => {
    const res = await e2e.api.files(e2e.tokens.owner, groupId);
    expectPage(res);
    return res.body.data.map((f: SharedFile) => f.name);
  };
  const done = (file: SharedFile) => ({ file_id: file.file_id, result: 'success', reason: '' });
  const failed = (fileId: number, code: string) => ({
    file_id: fileId,
    result: 'fail',
    reason: expect.stringMatching(new RegExp(`^${code}: .+`)),
  });

  describe('POST /group/file/upload (4.23)', () => {
    it('a member shares a file: answered with the vendor’s fields, stored, its event sent', async () => {
      const g = await newGroup();
      const before = Date.now();
      const file = expectItem<SharedFile>(await e2e.api.upload(e2e.tokens.member, g, PDF), FILE_KEYS);
      expect(file).toEqual({
        ...PDF,
        created_at: expect.any(Number),
        file_id: expect.any(Number),
        group_id: g,
        updated_at: file.created_at,
        uploader: Number(member),
      });
      expect(file.created_at).toBeGreaterThanOrEqual(before);
      const doc = await storedAndSent(e2e.db.files, { ...groupKey(g), fileId: String(file.file_id) });
      expect(doc).toMatchObject({ ...PDF, uploaderId: member, deletedAt: null });
      const { url, name, size, type } = PDF;
      await expectEventually(() =>
        expect(events.of('file.added', g).map((e) => e.data)).toEqual([
          {
            fileId: String(file.file_id),
            name,
            size,
            type,
            url,
            uploaderId: member,
            createdAt: file.created_at,
            updatedAt: file.created_at,
          },
        ]),
      );
    });

    it('type is optional (empty); limits: name 1..256, size ≥ 0, url http(s) ≤ 2048 → else 400 naming the field, nothing stored', async () => {
      const g = await newGroup();
      const untyped = { name: PDF.name, size: PDF.size, url: PDF.url };
      expect(
        expectItem<SharedFile>(
          await e2e.api.upload(e2e.tokens.owner, g, { ...untyped, name: 'n'.repeat(256), size: 0 }),
          FILE_KEYS,
        ),
      ).toMatchObject({ type: '', size: 0 });
      expect(
        expectItem<SharedFile>(
          await e2e.api.upload(e2e.tokens.owner, g, { ...PDF, url: `http://h/${'a'.repeat(2039)}` }),
          FILE_KEYS,
        ).url,
      ).toHaveLength(2048);
      await expectUnchanged(
        () => countStored(g),
        async () => {
          for (const name of ['', 'n'.repeat(257), undefined])
            expectInvalid(await e2e.api.upload(e2e.tokens.owner, g, { ...PDF, name }), 'name');
          for (const size of [-1, 1.5, '12', undefined])
            expectInvalid(await e2e.api.upload(e2e.tokens.owner, g, { ...PDF, size }), 'size');
          expectInvalid(await e2e.api.upload(e2e.tokens.owner, g, { ...PDF, type: 't'.repeat(129) }), 'type');
          for (const url of [
            'ftp://files.example.com/a',
            'files.example.com/a',
            'https://',
            'https://x/a b',
            `http://h/${'a'.repeat(2040)}`,
            undefined,
          ]) {
            expectInvalid(await e2e.api.upload(e2e.tokens.owner, g, { ...PDF, url }), 'url');
          }
        },
      );
    });

    it('an outsider → 403 not_member (a chatroom too); an unknown group → 404', async () => {
      const [g, room] = [await newGroup(), await newGroup([], 2)];
      expectNotMember(await e2e.api.upload(e2e.tokens.outsider, g, PDF));
      expectNotMember(await e2e.api.upload(e2e.tokens.outsider, room, PDF));
      expect(await countStored(room)).toBe(0);
      expectGroupNotFound(await e2e.api.upload(e2e.tokens.owner, UNKNOWN_ID, PDF));
    });
  });

  describe('GET /group/file (4.19) and /group/file/list (4.21)', () => {
    it('reads a file by id; the list is oldest first, paged by cursor', async () => {
      const g = await newGroup();
      const files = [
        await e2e.api.uploaded(e2e.tokens.owner, g, 'a'),
        await e2e.api.uploaded(e2e.tokens.member, g, 'b'),
        await e2e.api.uploaded(e2e.tokens.owner, g, 'c'),
      ];
      expect(expectItem(await e2e.api.file(e2e.tokens.member, g, files[1].file_id), FILE_KEYS)).toEqual(files[1]);
      const page1 = await e2e.api.files(e2e.tokens.member, g, { limit: 2 });
      expectPage(page1, files.slice(0, 2));
      expect(page1.body).toMatchObject({ total: 3, cursor: expect.stringMatching(/.+/) });
      const page2 = await e2e.api.files(e2e.tokens.member, g, { limit: 2, cursor: page1.body.cursor });
      expectPage(page2, files.slice(2));
      expect(page2.body).toMatchObject({ total: 3, cursor: '' });
    });

    it('another group’s file or an unknown id → 404 not_found; a bad file_id → 400', async () => {
      const [g, other] = [await newGroup(), await newGroup()];
      const theirs = await e2e.api.uploaded(e2e.tokens.owner, other, 'theirs');
      expectGroupError(await e2e.api.file(e2e.tokens.owner, g, theirs.file_id), 404, 'not_found');
      expectGroupError(await e2e.api.file(e2e.tokens.owner, g, UNKNOWN_ID), 404, 'not_found');
      expectInvalid(await e2e.api.file(e2e.tokens.owner, g, 'x1'), 'file_id');
    });

    it('an outsider reads no private group’s files (403 not_member), but a chatroom’s', async () => {
      const [g, room] = [await newGroup(), await newGroup([], 2)];
      const [mine, open] = [
        await e2e.api.uploaded(e2e.tokens.member, g, 'private'),
        await e2e.api.uploaded(e2e.tokens.member, room, 'open'),
      ];
      expectNotMember(await e2e.api.file(e2e.tokens.outsider, g, mine.file_id));
      expectNotMember(await e2e.api.files(e2e.tokens.outsider, g));
      expect(expectItem(await e2e.api.file(e2e.tokens.outsider, room, open.file_id), FILE_KEYS)).toEqual(open);
      expectPage(await e2e.api.files(e2e.tokens.outsider, room), [open]);
    });
  });

  describe('PUT·POST /group/file/update_name (4.22)', () => {
    it.each(['PUT', 'POST'])('%s by the uploader → true: renamed, updated_at moves, its event sent', async (method) => {
      const g = await newGroup();
      const file = await e2e.api.uploaded(e2e.tokens.member, g, 'draft.pdf');
      expectOk(await e2e.api.renameFile(method, e2e.tokens.member, g, file.file_id, 'final.pdf'), true);
      const now = expectItem<SharedFile>(await e2e.api.file(e2e.tokens.owner, g, file.file_id), FILE_KEYS);
      expect(now).toEqual({ ...file, name: 'final.pdf', updated_at: expect.any(Number) });
      expect(now.updated_at).toBeGreaterThanOrEqual(file.updated_at);
      await storedAndSent(e2e.db.files, { ...groupKey(g), fileId: String(file.file_id) });
      await expectEventually(() =>
        expect(events.of('file.renamed', g).map((e) => e.data)).toEqual([
          { fileId: String(file.file_id), name: 'final.pdf', previousName: 'draft.pdf' },
        ]),
      );
      expectOk(await e2e.api.renameFile(method, e2e.tokens.member, g, String(file.file_id), 'final.pdf'), true);
      expect(events.of('file.renamed', g)).toHaveLength(1);
    });

    it('admins rename anyone’s file; another member → 403 forbidden, an outsider → 403 not_member', async () => {
      const [other, admin] = [newUserId(), newUserId()];
      const g = await newGroup([other, admin]);
      await e2e.api.addAdmins(e2e.tokens.owner, g, [admin]);
      const file = await e2e.api.uploaded(e2e.tokens.member, g, 'theirs.pdf');
      await expectUnchanged(
        () => names(g),
        async () => {
          expectForbidden(await e2e.api.renameFile('PUT', await e2e.api.token(other), g, file.file_id, 'mine.pdf'));
          expectForbidden(await e2e.api.renameFile('PUT', e2e.tokens.app, g, file.file_id, 'mine.pdf', other));
          expectNotMember(await e2e.api.renameFile('PUT', e2e.tokens.outsider, g, file.file_id, 'mine.pdf'));
        },
      );
      expectOk(await e2e.api.renameFile('PUT', await e2e.api.token(admin), g, file.file_id, 'by-admin.pdf'), true);
      expectOk(await e2e.api.renameFile('POST', e2e.tokens.owner, g, file.file_id, 'by-owner.pdf'), true);
      expect(await names(g)).toEqual(['by-owner.pdf']);
    });

    it('another group’s file → 404 and it keeps its name; a bad name or file_id → 400', async () => {
      const [g, other] = [await newGroup(), await newGroup()];
      const theirs = await e2e.api.uploaded(e2e.tokens.owner, other, 'theirs.pdf');
      expectGroupError(
        await e2e.api.renameFile('PUT', e2e.tokens.owner, g, theirs.file_id, 'stolen.pdf'),
        404,
        'not_found',
      );
      expect(await names(other)).toEqual(['theirs.pdf']);
      for (const name of ['', 'n'.repeat(257), 3])
        expectInvalid(await e2e.api.renameFile('PUT', e2e.tokens.owner, other, theirs.file_id, name), 'name');
      expectInvalid(await e2e.api.renameFile('PUT', e2e.tokens.owner, other, 'one', 'x.pdf'), 'file_id');
    });
  });

  describe('DELETE·POST /group/file/delete (4.20)', () => {
    it.each(['DELETE', 'POST'])(
      '%s: a result per file in request order; the uploader’s and an admin’s deletions go, others stay',
      async (method) => {
        const other = newUserId();
        const g = await newGroup([other]);
        const [ownerFile, memberFile, othersFile] = [
          await e2e.api.uploaded(e2e.tokens.owner, g, 'o'),
          await e2e.api.uploaded(e2e.tokens.member, g, 'm'),
          await e2e.api.uploaded(await e2e.api.token(other), g, 'x'),
        ];
        const theirs = await e2e.api.uploaded(e2e.tokens.owner, await newGroup(), 'theirs');
        const res = await e2e.api.deleteFiles(method, e2e.tokens.member, g, [
          memberFile.file_id,
          ownerFile.file_id,
          theirs.file_id,
          UNKNOWN_ID,
          String(memberFile.file_id),
        ]);
        expectOk(res, [
          done(memberFile),
          failed(ownerFile.file_id, 'forbidden'),
          failed(theirs.file_id, 'not_found'),
          failed(UNKNOWN_ID, 'not_found'),
          done(memberFile),
        ]);
        expect(await names(g)).toEqual(['o', 'x']);
        await expectEventually(() =>
          expect(events.of('file.deleted', g).map((e) => e.data)).toEqual([
            { fileId: String(memberFile.file_id), name: 'm', url: memberFile.url },
          ]),
        );
        expect(await storedAndSent(e2e.db.files, { ...groupKey(g), fileId: String(memberFile.file_id) })).toMatchObject(
          { deletedAt: expect.any(Date) },
        );
        expectGroupError(await e2e.api.file(e2e.tokens.owner, g, memberFile.file_id), 404, 'not_found');
        expectOk(await e2e.api.deleteFiles(method, e2e.tokens.owner, g, [othersFile.file_id, memberFile.file_id]), [
          done(othersFile),
          failed(memberFile.file_id, 'not_found'),
        ]);
        expect(await names(g)).toEqual(['o']);
      },
    );

    it('more than 1,000 ids, none, or a bad id → 400 naming file_list; an outsider → 403 not_member: nothing deleted', async () => {
      const g = await newGroup();
      const file = await e2e.api.uploaded(e2e.tokens.owner, g, 'kept');
      await expectUnchanged(
        () => names(g),
        async () => {
          const many = [file.file_id, ...Array.from({ length: 1000 }, (_, i) => UNKNOWN_ID + i)];
          expectInvalid(await e2e.api.deleteFiles('DELETE', e2e.tokens.owner, g, many), 'file_list');
          expectInvalid(await e2e.api.deleteFiles('DELETE', e2e.tokens.owner, g, []), 'file_list');
          expectInvalid(await e2e.api.deleteFiles('DELETE', e2e.tokens.owner, g, ['f1']), 'file_list');
          expectInvalid(await e2e.api.deleteFiles('POST', e2e.tokens.owner, g, undefined), 'file_list');
          expectNotMember(await e2e.api.deleteFiles('POST', e2e.tokens.outsider, g, [file.file_id]));
        },
      );
      expect(await names(g)).toEqual(['kept']);
    });
  });

  describe('after /group/destroy', () => {
    it('the group’s files and announcements are removed once group.destroyed has been handled', async () => {
      const g = await newGroup();
      await e2e.api.uploaded(e2e.tokens.member, g, 'doomed');
      await e2e.api.published(e2e.tokens.owner, g, 'doomed');
      const survivor = await newGroup();
      await e2e.api.uploaded(e2e.tokens.member, survivor, 'kept');
      expectOk(await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: g } }), true);
      await expectEventually(() => expect(events.of('group.destroyed', g)).toHaveLength(1));
      await expectEventually(
        async () =>
          expect([await countStored(g), await e2e.db.announcements.countDocuments(groupKey(g))]).toEqual([0, 0]),
        { timeoutMs: 20_000, intervalMs: 200 },
      );
      expectGroupNotFound(await e2e.api.files(e2e.tokens.owner, g));
      expect(await names(survivor)).toEqual(['kept']);
    });
  });
});
