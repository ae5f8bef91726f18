// What Easemob's clients meet at scale and at the edges of the rules: lists answered whole (no
// silent cut), and forced chatroom attributes as the seed states them.
import { createEasemobChatroom, EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import { Api, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

describe('Easemob fidelity', () => {
  // Creating a chatroom with a thousand members is one long request on the dev database.
  const e2e = useGroupStack('easemob-fidelity', {
    db: false,
    env: { ...HIGH_RATE_LIMIT, BUS_TIMEOUT_MS: '60000' },
    api: (baseUrl) => new Api(baseUrl),
  });
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  /** `n` fresh usernames. */
  const usernames = (n: number) => Array.from({ length: n }, () => `u${newUserId()}`);
  /** `items` in slices of 60 (Easemob's documented batch limit). */
  const sixties = <T>(items: T[]) =>
    Array.from({ length: Math.ceil(items.length / 60) }, (_, i) => items.slice(i * 60, i * 60 + 60));

  describe('no silent truncation', () => {
    it('the mute list and the allowlist answer all 1,001 entries (the old cut was 1,000)', async () => {
      const owner = `u${newUserId()}`;
      const members = usernames(1001);
      const room = await createEasemobChatroom(easemob, { owner, maxusers: 1100, members });
      await Promise.all(
        sixties(members).map(async (batch) =>
          expectEasemobOk(
            await easemob.post(`/chatrooms/${room}/mute`, { body: { usernames: batch, mute_duration: -1 } }),
          ),
        ),
      );
      await Promise.all(
        sixties(members).map(async (batch) =>
          expectEasemobOk(await easemob.post(`/chatrooms/${room}/white/users`, { body: { usernames: batch } })),
        ),
      );
      const mutes = await easemob.get(`/chatrooms/${room}/mute`);
      expect((expectEasemobOk(mutes) as unknown[]).length).toBe(1001);
      expect(mutes.body.count).toBe(1001);
      const allowed = await easemob.get(`/chatrooms/${room}/white/users`);
      expect(new Set(expectEasemobOk(allowed) as string[])).toEqual(new Set(members));
    });
  });
});
