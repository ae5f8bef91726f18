import { chatroomIdsOf } from './easemob-chatroom-details';

describe('chatroomIdsOf (GET /chatrooms/{ids})', () => {
  it('reads one id or several separated by commas, in order', () => {
    expect(chatroomIdsOf('12')).toEqual(['12']);
    expect(chatroomIdsOf('12,34,12')).toEqual(['12', '34', '12']);
  });

  it('refuses more than 100 ids, an empty one or one longer than 19 digits, naming id', () => {
    const many = Array.from({ length: 101 }, (_, i) => String(1000 + i)).join(',');
    for (const path of [many, '12,', ',12', '1,,2', '1'.repeat(20)]) {
      expect(() => chatroomIdsOf(path)).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: expect.stringMatching(/^id: /) }),
      );
    }
    expect(chatroomIdsOf(Array.from({ length: 100 }, (_, i) => String(1000 + i)).join(','))).toHaveLength(100);
  });
});
