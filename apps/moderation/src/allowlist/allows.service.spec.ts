import { Outbox } from '@cohort/outbox';
import { callBy, sentEvents } from '@cohort/testing';

import { moderationService } from '../../test/standings.fixture';
import { AllowsService } from './allows.service';

function setup() {
  const t = moderationService(
    AllowsService,
    { roles: { '2': 'admin', '3': 'member', '4': 'admin' } },
    { allow: { '4': true } },
  );
  return { ...t, outbox: t.mock(Outbox) };
}

describe('AllowsService', () => {
  it('admins allowlist members (admins and the owner too), per item; outsiders are not members', async () => {
    const { service, outbox } = setup();
    const results = await service.allow(callBy('2'), { groupId: 'g1', userIds: ['3', '1', '9', '4'] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'not_member', 'ok']);
    expect(sentEvents(outbox).map((e) => [e.type, e.data])).toEqual([
      ['member.allowlisted', { userId: '3' }],
      ['member.allowlisted', { userId: '1' }],
    ]);
  });

  it('taking off someone not on it is a success; only those on it get an event', async () => {
    const { service, outbox } = setup();
    await expect(service.disallow(callBy('1'), { groupId: 'g1', userIds: ['4', '3'] })).resolves.toEqual([
      { userId: '4', ok: true },
      { userId: '3', ok: true },
    ]);
    expect(sentEvents(outbox)).toEqual([{ type: 'member.unallowlisted', groupId: 'g1', data: { userId: '4' } }]);
  });

  it('members may not change it; an outsider is not a member', async () => {
    const { service } = setup();
    await expect(service.allow(callBy('3'), { groupId: 'g1', userIds: ['3'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.disallow(callBy('9'), { groupId: 'g1', userIds: ['3'] })).rejects.toMatchObject({
      code: 'not_member',
    });
  });

  it('a member reads it', async () => {
    const { service, standings } = setup();
    standings.listPage.mockResolvedValue({ items: [], next: null });
    standings.count.mockResolvedValue(0);
    await expect(service.list(callBy('3'), { groupId: 'g1', limit: 10 })).resolves.toEqual({
      items: [],
      cursor: null,
      total: 0,
    });
  });
});
