import type { AppConfig } from '../../tenancy/app-config';
import { chatroomChanges, chatroomUpdate } from './easemob-chatroom-update';

const app = { appId: 'demo' } as AppConfig;
const bigApp = { appId: 'big', maxCapacity: 100_000 } as AppConfig;

describe('chatroomUpdate (PUT /chatrooms/{id})', () => {
  it('transfers to newowner', () => {
    expect(chatroomUpdate({ newowner: 'bob' }, ['newowner'], app)).toEqual({ newOwnerId: 'bob' });
  });

  it('changes the capacity first, then the profile, then the owner: each only when sent', () => {
    const body = { name: 'n', description: 'd', maxusers: 50, newowner: 'bob' };
    expect(chatroomUpdate(body, Object.keys(body), app)).toEqual({
      capacity: 50,
      profile: { name: 'n', description: 'd' },
      newOwnerId: 'bob',
    });
    expect(chatroomUpdate({ description: '' }, ['description'], app)).toEqual({ profile: { description: '' } });
    expect(chatroomUpdate({ maxusers: 3 }, ['maxusers'], app)).toEqual({ capacity: 3 });
  });

  it('answers true for each field sent, name as groupname', () => {
    expect(chatroomChanges({ capacity: 50, profile: { name: 'n', description: 'd' }, newOwnerId: 'bob' })).toEqual({
      groupname: true,
      description: true,
      maxusers: true,
      newowner: true,
    });
    expect(chatroomChanges({ profile: { description: 'd' } })).toEqual({ description: true });
  });

  it("holds maxusers to the app's capacity ceiling", () => {
    expect(() => chatroomUpdate({ maxusers: 10_001 }, ['maxusers'], app)).toThrow(
      expect.objectContaining({ code: 'invalid_parameter', message: expect.stringMatching(/^maxusers: .*10000/) }),
    );
    expect(chatroomUpdate({ maxusers: 10_000 }, ['maxusers'], app)).toEqual({ capacity: 10_000 });
    expect(chatroomUpdate({ maxusers: 100_000 }, ['maxusers'], bigApp)).toEqual({ capacity: 100_000 });
  });

  it('refuses a field that is not a chatroom field, naming it as sent', () => {
    for (const field of ['owner', 'capacity', 'custom']) {
      expect(() => chatroomUpdate({ newowner: 'bob' }, ['newowner', field], app)).toThrow(
        expect.objectContaining({
          code: 'invalid_parameter',
          message: expect.stringMatching(new RegExp(`^${field}: `)),
        }),
      );
    }
  });

  it('needs at least one field (null counts as not given)', () => {
    for (const [body, sent] of [
      [{}, []],
      [{ name: null }, ['name']],
    ] as const) {
      expect(() => chatroomUpdate(body as object, sent, app)).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: expect.stringMatching(/^body: /) }),
      );
    }
  });
});
