import { chatroomUpdate } from './easemob-chatroom-update';

describe('chatroomUpdate (PUT /chatrooms/{id})', () => {
  it('transfers to newowner', () => {
    expect(chatroomUpdate({ newowner: 'bob' }, ['newowner'])).toEqual({ newOwnerId: 'bob' });
  });

  it('refuses a field that is not a chatroom field, naming it as sent', () => {
    for (const field of ['owner', 'capacity', 'custom']) {
      expect(() => chatroomUpdate({ newowner: 'bob' }, ['newowner', field])).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: expect.stringMatching(new RegExp(`^${field}: `)) }),
      );
    }
  });

  it('refuses name, description and maxusers until they are supported', () => {
    for (const field of ['name', 'description', 'maxusers']) {
      expect(() => chatroomUpdate({ newowner: 'bob' }, ['newowner', field])).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: `${field}: not supported yet` }),
      );
    }
  });

  it('needs newowner', () => {
    expect(() => chatroomUpdate({}, [])).toThrow(expect.objectContaining({ code: 'invalid_parameter', message: 'newowner: is required' }));
  });
});
