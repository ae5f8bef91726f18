import type { MuteEntry } from '@cohort/contracts';
import { validateInput } from '@cohort/errors';

import { muteMs } from '../mute-minutes';
import { BanBody, BannedListQuery, muteOf } from './dto/mute.dto';
import { toMutedProfile } from './member-profile.presenter';

const mute = (userId: string, until: number, member: MuteEntry['member']): MuteEntry => ({
  userId,
  until,
  at: 1,
  member,
});

describe('/group mutes', () => {
  it('sends duration minutes as ms; -1 (permanent) and 0 (lift) as they are', () => {
    expect([muteMs(-1), muteMs(0), muteMs(1), muteMs(90)]).toEqual([-1, 0, 60_000, 5_400_000]);
    expect(muteOf({ group_id: '5', user_list: ['7', '8'], duration: 2 })).toEqual({
      groupId: '5',
      userIds: ['7', '8'],
      durationMs: 120_000,
    });
  });

  it('validates ban bodies: at most 1,000 users, duration from -1 to 100 years in minutes; banned_list limit capped at 1000', () => {
    const parse = (body: object) => validateInput(BanBody, body, '', { stripUnknown: true });
    expect(parse({ group_id: 5, user_list: [7], duration: 52_560_000 })).toEqual({
      group_id: '5',
      user_list: ['7'],
      duration: 52_560_000,
    });
    for (const [body, field] of [
      [{ group_id: 5, user_list: Array.from({ length: 1001 }, (_, i) => i + 1), duration: 1 }, 'user_list'],
      [{ group_id: 5, user_list: [7], duration: -2 }, 'duration'],
      [{ group_id: 5, user_list: [7], duration: 52_560_001 }, 'duration'],
      [{ group_id: 5, user_list: [7], duration: 1.5 }, 'duration'],
      [{ group_id: 5, user_list: [7] }, 'duration'],
    ] as const) {
      expect(() => parse(body)).toThrow(
        expect.objectContaining({
          code: 'invalid_parameter',
          message: expect.stringMatching(new RegExp(`^${field}: `)),
        }),
      );
    }
    expect(validateInput(BannedListQuery, { group_id: '5', limit: '5000' }, '', { stripUnknown: true })).toMatchObject({
      limit: 1000,
    });
    expect(validateInput(BannedListQuery, { group_id: '5' }, '', { stripUnknown: true })).toMatchObject({
      limit: 1000,
    });
  });

  it("shows a muted user with the mute's end as expired_time; one who left has no name and join_time 0", () => {
    expect(toMutedProfile(mute('7', 1234, { displayName: 'Ann', joinedAt: 1_700_000_000_000 }))).toEqual({
      display_name: 'Ann',
      expired_time: 1234,
      join_time: 1_700_000_000_000,
      user_id: 7,
    });
    expect(toMutedProfile(mute('8', -1, null))).toEqual({
      display_name: '',
      expired_time: -1,
      join_time: 0,
      user_id: 8,
    });
  });
});
