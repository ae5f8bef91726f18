import { validateInput } from '@cohort/errors';

import { MuteUsersBody } from './dto/mute.dto';
import { mutedUser, muteOutcome, unmuteOutcome } from './easemob-mutes.presenter';

describe('the Easemob mute presenters', () => {
  it('answers a mute with its end (ms, -1 permanent, 0 lifted), a failure with its reason', () => {
    expect(muteOutcome({ userId: 'a', ok: true, until: 1234 })).toEqual({ result: true, expire: 1234, user: 'a' });
    expect(muteOutcome({ userId: 'b', ok: true, until: -1 })).toEqual({ result: true, expire: -1, user: 'b' });
    expect(muteOutcome({ userId: 'c', ok: true, until: 0 })).toEqual({ result: true, expire: 0, user: 'c' });
    expect(
      muteOutcome({ userId: 'd', ok: false, error: { code: 'not_member', message: 'd is not a member' } }),
    ).toEqual({
      result: false,
      user: 'd',
      reason: 'd is not a member',
    });
  });

  it('answers an unmute per user, and lists a mute as {expire, user}', () => {
    expect(unmuteOutcome({ userId: 'a', ok: true, until: 0 })).toEqual({ result: true, user: 'a' });
    expect(unmuteOutcome({ userId: 'b', ok: false, error: { code: 'forbidden', message: 'no' } })).toEqual({
      result: false,
      reason: 'no',
      user: 'b',
    });
    expect(mutedUser({ userId: 'a', until: -1, at: 5 })).toEqual({ expire: -1, user: 'a' });
  });

  it('takes 1 to 60 usernames and a mute_duration from -1 to 100 years in ms', () => {
    const parse = (body: object) => validateInput(MuteUsersBody, body, '', { stripUnknown: true });
    expect(parse({ usernames: ['a'], mute_duration: 0 })).toEqual({ usernames: ['a'], mute_duration: 0 });
    for (const [body, field] of [
      [{ usernames: Array.from({ length: 61 }, (_, i) => `u${i}`), mute_duration: 1 }, 'usernames'],
      [{ usernames: [], mute_duration: 1 }, 'usernames'],
      [{ usernames: ['a'], mute_duration: -2 }, 'mute_duration'],
      [{ usernames: ['a'], mute_duration: 100 * 365 * 24 * 3600 * 1000 + 1 }, 'mute_duration'],
      [{ usernames: ['a'] }, 'mute_duration'],
    ] as const) {
      expect(() => parse(body)).toThrow(
        expect.objectContaining({
          code: 'invalid_parameter',
          message: expect.stringMatching(new RegExp(`^${field}: `)),
        }),
      );
    }
  });
});
