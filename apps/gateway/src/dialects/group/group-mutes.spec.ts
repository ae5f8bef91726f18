import type { BusClient, RequestContext } from '@cohort/bus';
import { type MemberProfile, MembershipCommands, type MuteEntry } from '@cohort/contracts';
import { validateInput } from '@cohort/errors';

import { muteMs } from '../mute-minutes';
import { bannedPage } from './banned-list';
import { BanBody, BannedListQuery, muteOf } from './dto/mute.dto';
import { toMutedProfile } from './member-profile.presenter';

const member = (userId: string, displayName = ''): MemberProfile => ({
  userId,
  role: 'member',
  displayName,
  joinedAt: 1_700_000_000_000,
  msgMuteMode: 0,
  msgPushMode: 0,
  notificationsMutedUntil: 0,
  mutedUntil: 0,
});
const mute = (userId: string, until = -1): MuteEntry => ({ userId, until, at: 1 });
const ctx = { caller: { appId: 'demo', kind: 'app' }, requestId: 'r' } as unknown as RequestContext;

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
    expect(toMutedProfile(mute('7', 1234), member('7', 'Ann'))).toEqual({
      display_name: 'Ann',
      expired_time: 1234,
      join_time: 1_700_000_000_000,
      user_id: 7,
    });
    expect(toMutedProfile(mute('8'), undefined)).toEqual({
      display_name: '',
      expired_time: -1,
      join_time: 0,
      user_id: 8,
    });
  });

  it('reads the profiles of a page of mutes 100 users at a time, keeping the order of the mutes', async () => {
    const mutes = Array.from({ length: 250 }, (_, i) => mute(String(1000 + i)));
    const sent: string[][] = [];
    const bus = {
      send: jest.fn(async (command: unknown, _ctx: unknown, data: { userIds: string[] }) => {
        expect(command).toBe(MembershipCommands.getProfiles);
        sent.push(data.userIds);
        // Users 1000..1009 left the group: membership answers the others.
        return data.userIds.filter((id) => Number(id) >= 1010).map((id) => member(id, `n${id}`));
      }),
    } as unknown as BusClient;
    const page = await bannedPage(bus, ctx, '5', { items: mutes, cursor: 'next', total: 300 });
    expect(sent.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(page.cursor).toBe('next');
    expect(page.total).toBe(300);
    expect(page.items.map((p) => p.user_id)).toEqual(mutes.map((m) => Number(m.userId)));
    expect(page.items[0]).toEqual({ display_name: '', expired_time: -1, join_time: 0, user_id: 1000 });
    expect(page.items[10]).toEqual({
      display_name: 'n1010',
      expired_time: -1,
      join_time: 1_700_000_000_000,
      user_id: 1010,
    });
  });

  it('asks membership nothing for an empty page; the last page has an empty cursor', async () => {
    const bus = { send: jest.fn() } as unknown as BusClient;
    expect(await bannedPage(bus, ctx, '5', { items: [], cursor: null, total: 0 })).toEqual({
      items: [],
      cursor: '',
      total: 0,
    });
    expect(bus.send).not.toHaveBeenCalled();
  });
});
