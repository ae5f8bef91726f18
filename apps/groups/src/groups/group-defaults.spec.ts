import { defaultPublic, defaultSettings, muteAllUntilFrom } from './group-defaults';

describe('group defaults (the same in every dialect)', () => {
  it('requires approval in groups and not in chatrooms', () => {
    expect(defaultSettings('group')).toEqual({
      applyApproval: 1,
      memberInvite: false,
      memberModify: false,
      readAck: false,
      historyVisible: true,
      disappearSeconds: 0,
    });
    expect(defaultSettings('chatroom').applyApproval).toBe(0);
    expect(defaultPublic('group')).toBe(false);
    expect(defaultPublic('chatroom')).toBe(true);
  });

  it('turns a mute-all length (ms) into an end time', () => {
    expect(muteAllUntilFrom(0, 1000)).toBeNull();
    expect(muteAllUntilFrom(-1, 1000)).toBe(-1);
    expect(muteAllUntilFrom(120_000, 1000)).toBe(1000 + 120_000);
  });
});
