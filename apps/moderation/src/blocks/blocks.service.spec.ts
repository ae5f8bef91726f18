import { Outbox } from '@cohort/outbox';
import { callBy, sentEvents } from '@cohort/testing';

import { moderationService } from '../../test/standings.fixture';
import { MembershipClient } from '../peers/membership.client';
import { BlocksService } from './blocks.service';

function setup() {
  const t = moderationService(
    BlocksService,
    { roles: { '2': 'admin', '3': 'member', '4': 'admin' } },
    { block: { '6': true } },
  );
  return { ...t, membership: t.mock(MembershipClient), outbox: t.mock(Outbox) };
}

describe('BlocksService.block', () => {
  it('blocks members and outsiders (never the owner, no admin by an admin), then membership expels the members among them', async () => {
    const { service, membership, outbox } = setup();
    const results = await service.block(callBy('2'), { groupId: 'g1', userIds: ['3', '9', '1', '4'] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'owner_protected', 'forbidden']);
    expect(sentEvents(outbox)).toEqual([
      { type: 'member.blocked', groupId: 'g1', data: { userId: '3' } },
      { type: 'member.blocked', groupId: 'g1', data: { userId: '9' } },
    ]);
    expect(membership.expel).toHaveBeenCalledWith(expect.anything(), 'g1', ['3']);
  });

  it('blocking someone already blocked is a success with no new event; no member among them asks membership nothing', async () => {
    const { service, membership, outbox } = setup();
    await expect(service.block(callBy('1'), { groupId: 'g1', userIds: ['6'] })).resolves.toEqual([
      { userId: '6', ok: true },
    ]);
    expect(sentEvents(outbox)).toEqual([]);
    expect(membership.expel).not.toHaveBeenCalled();
  });

  it('the block is stored before the expulsion: a failed expulsion still leaves them blocked', async () => {
    const { service, membership, standings } = setup();
    membership.expel.mockRejectedValue(new Error('down'));
    await expect(service.block(callBy('1'), { groupId: 'g1', userIds: ['3'] })).rejects.toThrow('down');
    expect(standings.apply).toHaveBeenCalled();
  });

  it('a plain member blocks nobody', async () => {
    const { service } = setup();
    await expect(service.block(callBy('3'), { groupId: 'g1', userIds: ['9'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('BlocksService.unblock', () => {
  it('unblocks those blocked; anyone else is a success too (idempotent)', async () => {
    const { service, outbox } = setup();
    await expect(service.unblock(callBy('2'), { groupId: 'g1', userIds: ['6', '9'] })).resolves.toEqual([
      { userId: '6', ok: true },
      { userId: '9', ok: true },
    ]);
    expect(sentEvents(outbox)).toEqual([{ type: 'member.unblocked', groupId: 'g1', data: { userId: '6' } }]);
  });

  it('admins only', async () => {
    const { service } = setup();
    await expect(service.unblock(callBy('3'), { groupId: 'g1', userIds: ['6'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('BlocksService reads', () => {
  it('the blocked among the listed users', async () => {
    const { service } = setup();
    await expect(service.blockedAmong(callBy(null), { groupId: 'g1', userIds: ['6', '3'] })).resolves.toEqual(['6']);
  });

  it('a member reads the blocklist page', async () => {
    const { service, standings } = setup();
    standings.listPage.mockResolvedValue({ items: [{ userId: '6', value: true, at: 5, by: '1' }], next: null });
    standings.count.mockResolvedValue(1);
    await expect(service.list(callBy('3'), { groupId: 'g1', limit: 10 })).resolves.toEqual({
      items: [{ userId: '6', at: 5 }],
      cursor: null,
      total: 1,
    });
  });
});
