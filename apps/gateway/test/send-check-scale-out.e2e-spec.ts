// The send decision with two instances of every service: each moderation instance keeps its own
// cache, and a mute or an unmute made through any instance changes the very next decision,
// whichever instance answers it.
import { readFileSync } from 'node:fs';

import { createChatroom } from './easemob-e2e.helpers';
import { expectOk, newUserId } from './group-e2e.helpers';
import { MembershipApi } from './group-membership.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

describe('send decision with two moderation instances', () => {
  const e2e = useGroupStack('send-check-scale-out', {
    api: (baseUrl) => new MembershipApi(baseUrl),
    instances: 2,
    db: false,
    env: HIGH_RATE_LIMIT,
    // Moderation's debug lines say which instance answered each decision.
    appEnv: { moderation: { LOG_LEVEL: 'debug' } },
  });
  const { owner, member } = e2e.users;

  const decide = async (room: string, userId: string) => {
    const res = await e2e.api.groupGet('send_check', e2e.tokens.app, { group_id: room, user_id: userId });
    expectOk(res);
    return res.body.data as { allowed: boolean; reason: string };
  };
  /** How many decisions each moderation instance has answered so far. */
  const decisionsPerInstance = () =>
    e2e.stack.logFiles('moderation').map(
      (file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.includes('moderation.send.check answered')).length,
    );

  it('a mute and an unmute take effect on the very next decision, whichever instances make and answer them', async () => {
    const users = [member, newUserId(), newUserId()];
    const room = await createChatroom(e2e.api, e2e.tokens.app, owner, users);
    // Warm both instances' caches with every user first: stale entries are what could go wrong.
    for (let i = 0; i < 8; i++) for (const userId of users) expect((await decide(room, userId)).allowed).toBe(true);
    for (let round = 0; round < 30; round++) {
      const userId = users[round % users.length];
      expectOk(await e2e.api.groupCall('POST', 'ban', e2e.tokens.app, room, { user_list: [userId], duration: -1 }));
      expect({ round, decision: await decide(room, userId) }).toEqual({
        round,
        decision: expect.objectContaining({ allowed: false, reason: 'muted' }),
      });
      expectOk(await e2e.api.groupCall('POST', 'unban', e2e.tokens.app, room, { user_list: [userId] }));
      expect({ round, decision: await decide(room, userId) }).toEqual({
        round,
        decision: expect.objectContaining({ allowed: true, reason: 'ok' }),
      });
    }
    // Both instances answered decisions (the queue group shares them), each from its own cache.
    const answered = decisionsPerInstance();
    expect(answered).toHaveLength(2);
    for (const count of answered) expect(count).toBeGreaterThan(10);
  });
});
