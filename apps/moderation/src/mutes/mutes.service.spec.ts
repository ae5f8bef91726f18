import { Outbox } from '@cohort/outbox';
import { callBy, sentEvents, written } from '@cohort/testing';

import { moderationService } from '../../test/standings.fixture';
import { MutesService } from './mutes.service';

const ROLES = { '2': 'admin', '3': 'member', '4': 'admin', '5': 'member' } as const;

function setup(listed: Parameters<typeof moderationService>[2] = {}) {
  const t = moderationService(MutesService, { roles: ROLES, blocked: ['8'] }, listed);
  return { ...t, outbox: t.mock(Outbox) };
}

describe('MutesService.mute', () => {
  it('an admin mutes members for a while, per item in request order: never the owner, no admin, no outsider', async () => {
    const { service, outbox } = setup();
    const results = await service.mute(callBy('2'), {
      groupId: 'g1',
      userIds: ['3', '1', '4', '9', '3'],
      durationMs: 60_000,
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'owner_protected',
      'forbidden',
      'not_member',
      'ok',
    ]);
    const until = results[0].ok ? results[0].until : 0;
    expect(until).toBeGreaterThan(Date.now());
    expect(sentEvents(outbox)).toEqual([{ type: 'member.muted', groupId: 'g1', data: { userId: '3', until } }]);
  });

  it('the owner mutes admins; -1 is for good; 0 lifts', async () => {
    const { service, outbox } = setup();
    expect(await service.mute(callBy('1'), { groupId: 'g1', userIds: ['4'], durationMs: -1 })).toEqual([
      { userId: '4', ok: true, until: -1 },
    ]);
    expect(await service.mute(callBy('1'), { groupId: 'g1', userIds: ['5'], durationMs: 0 })).toEqual([
      { userId: '5', ok: true, until: 0 },
    ]);
    expect(sentEvents(outbox).map((e) => e.type)).toEqual(['member.muted', 'member.unmuted']);
  });

  it('a plain member mutes nobody', async () => {
    const { service, standings } = setup();
    await expect(service.mute(callBy('3'), { groupId: 'g1', userIds: ['5'], durationMs: 1000 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(standings.apply).not.toHaveBeenCalled();
  });

  it('allOrNothing (Easemob): one outsider — all named — or the owner refuses the call, and nothing changes', async () => {
    const { service, standings } = setup();
    await expect(
      service.mute(callBy('1'), { groupId: 'g1', userIds: ['3', '9', '7'], durationMs: 1000, allOrNothing: true }),
    ).rejects.toMatchObject({
      code: 'not_member',
      message: expect.stringContaining('9, 7'),
    });
    await expect(
      service.mute(callBy('2'), { groupId: 'g1', userIds: ['3', '1'], durationMs: 1000, allOrNothing: true }),
    ).rejects.toMatchObject({ code: 'owner_protected' });
    expect(standings.apply).not.toHaveBeenCalled();
  });

  it('a change a newer one superseded is not stored and its event not sent', async () => {
    const { service, standings, outbox } = setup();
    standings.apply.mockResolvedValue(written(new Set()));
    await service.mute(callBy('1'), { groupId: 'g1', userIds: ['3'], durationMs: 1000 });
    expect(sentEvents(outbox)).toEqual([]);
  });
});

describe('MutesService.unmute', () => {
  it('lifts the mutes that are there, members or not (a mute outlives leaving); lifting none is a success', async () => {
    const { service, outbox } = setup({ mute: { '3': 5000, '9': -1 } });
    const results = await service.unmute(callBy('2'), { groupId: 'g1', userIds: ['3', '9', '5'] });
    expect(results).toEqual(['3', '9', '5'].map((userId) => ({ userId, ok: true, until: 0 })));
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([{ userId: '3' }, { userId: '9' }]);
  });

  it('an admin lifts no admin’s mute, its own included', async () => {
    const { service, outbox } = setup({ mute: { '2': 5000 } });
    const [result] = await service.unmute(callBy('2'), { groupId: 'g1', userIds: ['2'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sentEvents(outbox)).toEqual([]);
  });
});

describe('MutesService reads', () => {
  it('a member lists the mutes in force with the total; an outsider of a private group may not; a blocked outsider never', async () => {
    const { service, standings } = setup({ block: { '8': true } });
    standings.listPage.mockResolvedValue({ items: [{ userId: '3', value: 5000, at: 7, by: '1' }], next: null });
    standings.count.mockResolvedValue(1);
    await expect(service.list(callBy('3'), { groupId: 'g1', limit: 10 })).resolves.toEqual({
      items: [{ userId: '3', until: 5000, at: 7 }],
      cursor: null,
      total: 1,
    });
    await expect(service.list(callBy('7'), { groupId: 'g1', limit: 10 })).rejects.toMatchObject({ code: 'not_member' });
    const chatroom = moderationService(MutesService, { group: { type: 'chatroom' } }, { block: { '8': true } });
    await expect(chatroom.service.list(callBy('8'), { groupId: 'g1', limit: 10 })).rejects.toMatchObject({
      code: 'blocked',
    });
  });

  it('mute ends of the listed users who are muted', async () => {
    const { service } = setup({ mute: { '3': 5000, '4': -1 } });
    await expect(service.muteEnds(callBy(null), { groupId: 'g1', userIds: ['3', '4', '5'] })).resolves.toEqual({
      '3': 5000,
      '4': -1,
    });
  });
});
