// A chatroom's blocklist (/chatrooms/{id}/blocks/users...) and allowlist (/white/users...) through
// the real built stack, as Easemob's server SDK calls them with the app token.
import { expectEventually } from '@cohort/testing';

import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { type Loose, newUserId } from './group-e2e.helpers';
import { MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_ROOM = '4000000006666';

describe('Easemob chatroom blocklist and allowlist', () => {
  const e2e = useGroupStack('easemob-lists', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(() => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
  });

  const newRoom = (others: string[] = []) => createChatroom(e2e.api, e2e.tokens.app, owner, [member, ...others]);
  /** GET a list: its usernames, asserting `count`. */
  const listed = async (path: string): Promise<string[]> => {
    const res = await easemob.get(path);
    const data = expectEasemobOk(res) as string[];
    expect(res.body.count).toBe(data.length);
    return data;
  };
  const memberIds = (room: string) => e2e.api.memberIds(e2e.tokens.app, room);
  const outcome = (action: string, user: string, room: string, result = true, reason?: string): Loose =>
    reason === undefined
      ? { result, action, user, chatroomid: room }
      : { result, action, reason, user, chatroomid: room };

  describe('/blocks/users', () => {
    it('POST one: {result: true, action: add_blocks, user, chatroomid}; the member is out; GET lists them', async () => {
      const m1 = newUserId();
      const room = await newRoom([m1]);
      expect(expectEasemobOk(await easemob.post(`/chatrooms/${room}/blocks/users/${m1}`))).toEqual(
        outcome('add_blocks', m1, room),
      );
      expect(await memberIds(room)).not.toContain(m1);
      expect(await listed(`/chatrooms/${room}/blocks/users`)).toEqual([m1]);
      expect(await e2e.db.standing(room, m1)).toMatchObject({ block: { value: true }, role: expect.anything() });
    });

    it('POST one of the owner → 403 forbidden_op; of a non-member → blocked (they stay out); of an unknown room → 404', async () => {
      const room = await newRoom();
      const nobody = `nobody_${newUserId()}`;
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/blocks/users/${owner}`),
        403,
        'forbidden_op',
        'forbidden operation on group owner!',
      );
      expect(expectEasemobOk(await easemob.post(`/chatrooms/${room}/blocks/users/${nobody}`))).toEqual(
        outcome('add_blocks', nobody, room),
      );
      expectEasemobError(
        await easemob.post(`/chatrooms/${UNKNOWN_ROOM}/blocks/users/${member}`),
        404,
        'resource_not_found',
      );
      expect(await listed(`/chatrooms/${room}/blocks/users`)).toEqual([nobody]);
    });

    it('POST a batch: an outcome per user in request order, a non-member blocked too; more than 60 → 400, nothing blocked', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const ghost = `ghost_${newUserId()}`;
      const room = await newRoom([m1, m2]);
      const sixtyOne = Array.from({ length: 61 }, () => newUserId());
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/blocks/users`, { body: { usernames: sixtyOne } }),
        400,
        'invalid_parameter',
        /usernames/,
      );
      expect(
        expectEasemobOk(
          await easemob.post(`/chatrooms/${room}/blocks/users`, { body: { usernames: [ghost, m2, m1] } }),
        ),
      ).toEqual([outcome('add_blocks', ghost, room), outcome('add_blocks', m2, room), outcome('add_blocks', m1, room)]);
      expect((await listed(`/chatrooms/${room}/blocks/users`)).sort()).toEqual([ghost, m1, m2].sort());
    });

    it('DELETE one answers its outcome, several (`%2C`) a list in request order; they may join again', async () => {
      const [m1, m2, m3] = [newUserId(), newUserId(), newUserId()];
      const room = await newRoom([m1, m2, m3]);
      expectEasemobOk(await easemob.post(`/chatrooms/${room}/blocks/users`, { body: { usernames: [m1, m2, m3] } }));
      expect(expectEasemobOk(await easemob.delete(`/chatrooms/${room}/blocks/users/${m1}`))).toEqual(
        outcome('remove_blocks', m1, room),
      );
      expect(expectEasemobOk(await easemob.delete(`/chatrooms/${room}/blocks/users/${m3}%2C${m2}`))).toEqual([
        outcome('remove_blocks', m3, room),
        outcome('remove_blocks', m2, room),
      ]);
      expect(await listed(`/chatrooms/${room}/blocks/users`)).toEqual([]);
      expect((await easemob.post(`/chatrooms/${room}/users/${m1}`)).status).toBe(200);
    });

    it('a private group on a /chatrooms route → 404', async () => {
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member] });
      expectEasemobError(await easemob.get(`/chatrooms/${g.group_id}/blocks/users`), 404, 'resource_not_found');
      expectEasemobError(
        await easemob.post(`/chatrooms/${g.group_id}/blocks/users/${member}`),
        404,
        'resource_not_found',
      );
    });
  });

  describe('/white/users', () => {
    it('POST one and a batch (members only, outcome per user); GET lists them; DELETE answers a list even for one', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const ghost = `ghost_${newUserId()}`;
      const room = await newRoom([m1, m2]);
      expect(expectEasemobOk(await easemob.post(`/chatrooms/${room}/white/users/${m1}`))).toEqual(
        outcome('add_user_whitelist', m1, room),
      );
      expect(
        expectEasemobOk(await easemob.post(`/chatrooms/${room}/white/users`, { body: { usernames: [m2, ghost] } })),
      ).toEqual([
        outcome('add_user_whitelist', m2, room),
        outcome('add_user_whitelist', ghost, room, false, `user: ${ghost} doesn't exist in chatroom: ${room}`),
      ]);
      expect(await listed(`/chatrooms/${room}/white/users`)).toEqual([m1, m2]);
      expect(expectEasemobOk(await easemob.delete(`/chatrooms/${room}/white/users/${m2}`))).toEqual([
        outcome('remove_user_whitelist', m2, room),
      ]);
      expect(expectEasemobOk(await easemob.delete(`/chatrooms/${room}/white/users/${m1},${ghost}`))).toEqual([
        outcome('remove_user_whitelist', m1, room),
        outcome('remove_user_whitelist', ghost, room),
      ]);
      expect(await listed(`/chatrooms/${room}/white/users`)).toEqual([]);
    });

    it('POST one of a non-member → 403; a bad username → 400 naming it; no usernames → 400', async () => {
      const room = await newRoom();
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/white/users/nobody_${newUserId()}`),
        403,
        'forbidden_op',
      );
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/white/users/${encodeURIComponent('bad name')}`),
        400,
        'invalid_parameter',
        /username/,
      );
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/white/users`, { body: { usernames: [] } }),
        400,
        'invalid_parameter',
        /usernames/,
      );
    });

    it('leaving the chatroom takes a user off the allowlist', async () => {
      const m1 = newUserId();
      const room = await newRoom([m1]);
      expectEasemobOk(await easemob.post(`/chatrooms/${room}/white/users/${m1}`));
      expectEasemobOk(await easemob.delete(`/chatrooms/${room}/users/${m1}`));
      await expectEventually(async () => expect(await listed(`/chatrooms/${room}/white/users`)).toEqual([]));
    });
  });
});
