// Announcements of /group through the real built stack: edit (4.6, publishes), get (4.4), last
// (4.7), list (4.8) and delete (4.5): who may publish (member_modify), who may read, limits,
// another group's ids, the stored documents and their events.
import { expectEventually } from '@cohort/testing';

import {
  type Announcement,
  ANNOUNCEMENT_KEYS,
  ContentApi,
  expectItem,
  storedAndSent,
  useEventTaps,
} from './content-e2e.helpers';
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
import { done, expectPage } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

const UNKNOWN_ID = 4_000_000_004_444;

describe('/group announcements', () => {
  const e2e = useGroupStack('group-announcements', { api: (baseUrl) => new ContentApi(baseUrl) });
  const { owner, member } = e2e.users;
  const events = useEventTaps(() => e2e.stack, ['announcement.published', 'announcement.deleted']);

  /** A group (or chatroom: created by the app admin for the owner) of the owner and the member. */
  const newGroup = async (type: 0 | 2 = 0) =>
    (await e2e.api.createGroup(e2e.tokens.app, { type, user_list: [member] }, { user_id: owner })).group_id;
  const stored = (groupId: number, id: number) =>
    e2e.db.announcements.findOne({ ...groupKey(groupId), announcementId: String(id) });
  const countStored = (groupId: number) => e2e.db.announcements.countDocuments(groupKey(groupId));
  /** The history's ids, newest first, as the owner reads it. */
  const history = async (groupId: number): Promise<number[]> => {
    const res = await e2e.api.announcements(e2e.tokens.owner, groupId);
    expectPage(res);
    return res.body.data.map((a: Announcement) => a.id);
  };
  const last = async (token: string, groupId: number): Promise<Announcement | null> => {
    const res = await e2e.api.lastAnnouncement(token, groupId);
    // The envelope (data may be null); what data holds is the caller's assertion.
    expectOk(res, res.body?.data);
    return res.body.data;
  };

  describe('POST /group/announcement/edit (4.6)', () => {
    it('publishes a new current announcement: stored, its event sent, answered with the vendor’s fields', async () => {
      const g = await newGroup();
      const before = Date.now();
      const a = await e2e.api.published(e2e.tokens.owner, g, 'Welcome', 'Read the rules');
      expect(a).toEqual({
        author: Number(owner),
        content: 'Read the rules',
        created_at: expect.any(Number),
        group_id: g,
        id: expect.any(Number),
        title: 'Welcome',
      });
      expect(a.created_at).toBeGreaterThanOrEqual(before);
      expect(a.created_at).toBeLessThanOrEqual(Date.now());
      expect(Number.isSafeInteger(a.id) && a.id >= 1e9).toBe(true);
      const doc = await storedAndSent(e2e.db.announcements, { ...groupKey(g), announcementId: String(a.id) });
      expect(doc).toMatchObject({ title: 'Welcome', content: 'Read the rules', authorId: owner, deletedAt: null });
      await expectEventually(() =>
        expect(events.of('announcement.published', g)).toEqual([
          expect.objectContaining({
            actor: { userId: owner, isAppAdmin: false },
            data: {
              announcementId: String(a.id),
              title: 'Welcome',
              content: 'Read the rules',
              authorId: owner,
              createdAt: a.created_at,
            },
          }),
        ]),
      );
      expect(await last(e2e.tokens.member, g)).toEqual(a);
    });

    it('takes a title of up to 128 and content of up to 1024 characters, empty ones too; one more → 400 naming it, nothing stored', async () => {
      const g = await newGroup();
      const a = await e2e.api.published(e2e.tokens.owner, g, 't'.repeat(128), 'c'.repeat(1024));
      expect([a.title.length, a.content.length]).toEqual([128, 1024]);
      expect(await e2e.api.published(e2e.tokens.owner, g, '', '')).toMatchObject({ title: '', content: '' });
      await expectUnchanged(
        () => countStored(g),
        async () => {
          expectInvalid(await e2e.api.publish(e2e.tokens.owner, g, 't'.repeat(129), 'c'), 'title');
          expectInvalid(await e2e.api.publish(e2e.tokens.owner, g, 't', 'c'.repeat(1025)), 'content');
          expectInvalid(await e2e.api.publish(e2e.tokens.owner, g, 't', 5), 'content');
          expectInvalid(await e2e.api.publish(e2e.tokens.owner, 'g1', 't', 'c'), 'group_id');
        },
      );
      expectGroupNotFound(await e2e.api.publish(e2e.tokens.owner, UNKNOWN_ID, 't', 'c'));
      // No title at all is the vendor's zero: an empty one.
      expect(await e2e.api.published(e2e.tokens.owner, g, undefined as unknown as string, 'c')).toMatchObject({
        title: '',
        content: 'c',
      });
    });

    it('member_modify off: admins publish; a member → 403 forbidden, an outsider → 403 not_member; nothing stored', async () => {
      const admin = newUserId();
      const g = (await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member, admin] })).group_id;
      await e2e.api.addAdmins(e2e.tokens.owner, g, [admin]);
      expect((await e2e.api.published(await e2e.api.token(admin), g, 'by admin')).author).toBe(Number(admin));
      await expectUnchanged(
        () => countStored(g),
        async () => {
          expectForbidden(await e2e.api.publish(e2e.tokens.member, g, 't', 'c'));
          expectForbidden(await e2e.api.publish(e2e.tokens.app, g, 't', 'c', member));
          expectNotMember(await e2e.api.publish(e2e.tokens.outsider, g, 't', 'c'));
        },
      );
    });

    it('member_modify on: a member publishes too (an outsider still not); the app admin publishes as nobody (author 0)', async () => {
      const g = await newGroup();
      expectOk(await e2e.api.setMemberModify(e2e.tokens.owner, g, true), true);
      expect((await e2e.api.published(e2e.tokens.member, g, 'by member')).author).toBe(Number(member));
      expectNotMember(await e2e.api.publish(e2e.tokens.outsider, g, 't', 'c'));
      const byApp = await e2e.api.published(e2e.tokens.app, g, 'by app');
      expect(byApp.author).toBe(0);
      expect(await stored(g, byApp.id)).toMatchObject({ authorId: null });
    });
  });

  describe('GET /group/announcement (4.4), /last (4.7), /list (4.8)', () => {
    it('reads an announcement by id; last is the newest; the list is newest first, paged by cursor', async () => {
      const g = await newGroup();
      const [first, second, third] = [
        await e2e.api.published(e2e.tokens.owner, g, 'one'),
        await e2e.api.published(e2e.tokens.owner, g, 'two'),
        await e2e.api.published(e2e.tokens.owner, g, 'three'),
      ];
      expect(expectItem(await e2e.api.announcement(e2e.tokens.member, g, first.id), ANNOUNCEMENT_KEYS)).toEqual(first);
      expect(
        expectItem(await e2e.api.announcement(e2e.tokens.member, g, String(second.id)), ANNOUNCEMENT_KEYS),
      ).toEqual(second);
      expect(await last(e2e.tokens.member, g)).toEqual(third);
      const full = await e2e.api.announcements(e2e.tokens.member, g);
      expectPage(full, [third, second, first]);
      expect(full.body).toMatchObject({ cursor: '', total: 3 });
      const page1 = await e2e.api.announcements(e2e.tokens.member, g, { limit: 2 });
      expectPage(page1, [third, second]);
      expect(page1.body.cursor).not.toBe('');
      const page2 = await e2e.api.announcements(e2e.tokens.member, g, { limit: 2, cursor: page1.body.cursor });
      expectPage(page2, [first]);
      expect(page2.body).toMatchObject({ cursor: '', total: 3 });
      expectInvalid(await e2e.api.announcements(e2e.tokens.member, g, { limit: 0 }), 'limit');
      expectInvalid(await e2e.api.announcements(e2e.tokens.member, g, { cursor: 'nonsense' }), 'cursor');
    });

    it('a group without announcements: last → null, an empty list', async () => {
      const g = await newGroup();
      expect(await last(e2e.tokens.owner, g)).toBeNull();
      expectPage(await e2e.api.announcements(e2e.tokens.owner, g), []);
    });

    it('another group’s announcement id, or an unknown one → 404 not_found; a bad id → 400 naming announcement_id', async () => {
      const [g, other] = [await newGroup(), await newGroup()];
      const theirs = await e2e.api.published(e2e.tokens.owner, other, 'theirs');
      expectGroupError(await e2e.api.announcement(e2e.tokens.owner, g, theirs.id), 404, 'not_found');
      expectGroupError(await e2e.api.announcement(e2e.tokens.owner, g, UNKNOWN_ID), 404, 'not_found');
      expectInvalid(await e2e.api.announcement(e2e.tokens.owner, g, 'abc'), 'announcement_id');
      expectGroupNotFound(await e2e.api.lastAnnouncement(e2e.tokens.owner, UNKNOWN_ID));
    });

    it('an outsider reads no private group’s announcements (403 not_member), but a chatroom’s', async () => {
      const g = await newGroup();
      const a = await e2e.api.published(e2e.tokens.owner, g, 'private');
      expectNotMember(await e2e.api.announcement(e2e.tokens.outsider, g, a.id));
      expectNotMember(await e2e.api.lastAnnouncement(e2e.tokens.outsider, g));
      expectNotMember(await e2e.api.announcements(e2e.tokens.outsider, g));
      const room = await newGroup(2);
      const r = await e2e.api.published(e2e.tokens.owner, room, 'open');
      expect(expectItem(await e2e.api.announcement(e2e.tokens.outsider, room, r.id), ANNOUNCEMENT_KEYS)).toEqual(r);
      expect(await last(e2e.tokens.outsider, room)).toEqual(r);
      expectPage(await e2e.api.announcements(e2e.tokens.outsider, room), [r]);
    });

    it('a user on a chatroom’s blocklist reads nothing of it (403 blocked)', async () => {
      const blocked = newUserId();
      const room = (
        await e2e.api.createGroup(e2e.tokens.app, { type: 2, user_list: [member, blocked] }, { user_id: owner })
      ).group_id;
      expectOk(await e2e.api.groupCall('POST', 'block', e2e.tokens.owner, room, { user_list: [blocked] }), [
        done(blocked),
      ]);
      const token = await e2e.api.token(blocked);
      expectGroupError(await e2e.api.lastAnnouncement(token, room), 403, 'blocked');
      expectGroupError(await e2e.api.announcements(token, room), 403, 'blocked');
    });
  });

  describe('DELETE·POST /group/announcement/delete (4.5)', () => {
    it.each(['DELETE', 'POST'])(
      '%s → {}: gone for every read, the one before is current again; its event sent',
      async (method) => {
        const g = await newGroup();
        const older = await e2e.api.published(e2e.tokens.owner, g, 'older');
        const newer = await e2e.api.published(e2e.tokens.owner, g, 'newer');
        expectOk(await e2e.api.deleteAnnouncement(method, e2e.tokens.owner, g, newer.id), {});
        expect(await last(e2e.tokens.member, g)).toEqual(older);
        expectGroupError(await e2e.api.announcement(e2e.tokens.member, g, newer.id), 404, 'not_found');
        expect(await history(g)).toEqual([older.id]);
        expect(
          await storedAndSent(e2e.db.announcements, { ...groupKey(g), announcementId: String(newer.id) }),
        ).toMatchObject({ deletedAt: expect.any(Date) });
        await expectEventually(() =>
          expect(events.of('announcement.deleted', g).map((e) => e.data)).toEqual([
            { announcementId: String(newer.id) },
          ]),
        );
        expectGroupError(await e2e.api.deleteAnnouncement(method, e2e.tokens.owner, g, newer.id), 404, 'not_found');
        expectOk(await e2e.api.deleteAnnouncement(method, e2e.tokens.owner, g, older.id), {});
        expect(await last(e2e.tokens.member, g)).toBeNull();
      },
    );

    it('member_modify off: a member → 403 forbidden, an outsider → 403 not_member; on: a member deletes', async () => {
      const g = await newGroup();
      const a = await e2e.api.published(e2e.tokens.owner, g, 'keep');
      expectForbidden(await e2e.api.deleteAnnouncement('DELETE', e2e.tokens.member, g, a.id));
      expectNotMember(await e2e.api.deleteAnnouncement('DELETE', e2e.tokens.outsider, g, a.id));
      expect(await history(g)).toEqual([a.id]);
      expectOk(await e2e.api.setMemberModify(e2e.tokens.owner, g, true), true);
      expectOk(await e2e.api.deleteAnnouncement('POST', e2e.tokens.member, g, a.id), {});
      expect(await history(g)).toEqual([]);
    });

    it('another group’s announcement → 404 not_found and it stays; a missing announcement_id → 400', async () => {
      const [g, other] = [await newGroup(), await newGroup()];
      const theirs = await e2e.api.published(e2e.tokens.owner, other, 'theirs');
      expectGroupError(await e2e.api.deleteAnnouncement('DELETE', e2e.tokens.owner, g, theirs.id), 404, 'not_found');
      expect(await history(other)).toEqual([theirs.id]);
      expectInvalid(
        await e2e.api.call('DELETE', '/group/announcement/delete', { token: e2e.tokens.owner, query: { group_id: g } }),
        'announcement_id',
      );
    });
  });
});
