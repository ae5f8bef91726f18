import { Outbox } from '@cohort/outbox';
import { callBy, newTestService, sentEvents, written } from '@cohort/testing';

import { RosterRepository } from '../roster/roster.repository';
import { DepartureService } from './departure.service';
import { MemberRepository } from './member.repository';

const KEY = { appId: 'app', groupId: 'g1' };

function setup() {
  const { service, mock } = newTestService(DepartureService);
  const [members, rosters, outbox] = [mock(MemberRepository), mock(RosterRepository), mock(Outbox)];
  members.markLeaving.mockImplementation(async (_key, leavers) =>
    written(new Set(leavers.map((l) => l.userId)), ...leavers.map((l) => l.event)),
  );
  members.deleteLeft.mockImplementation(async (_key, userIds) => ({ deleted: userIds.length, admins: 0 }));
  return { service, members, rosters, outbox };
}

describe('DepartureService.depart', () => {
  it('marks each leaver with its member.left event, sends them, deletes those sent and gives their places back', async () => {
    const { service, members, rosters, outbox } = setup();
    members.deleteLeft.mockResolvedValue({ deleted: 2, admins: 1 });
    const left = await service.depart(
      callBy('1'),
      KEY,
      [
        { userId: '2', role: 'admin' },
        { userId: '3', role: 'member' },
      ],
      'kicked',
    );
    expect([...left]).toEqual(['2', '3']);
    expect(sentEvents(outbox)).toEqual([
      { type: 'member.left', groupId: 'g1', data: { userId: '2', role: 'admin', how: 'kicked' } },
      { type: 'member.left', groupId: 'g1', data: { userId: '3', role: 'member', how: 'kicked' } },
    ]);
    const token = members.markLeaving.mock.calls[0][2];
    expect(members.deleteLeft).toHaveBeenCalledWith(KEY, ['2', '3'], token);
    expect(rosters.releaseSlots).toHaveBeenCalledWith(KEY, 2, 1);
  });

  it('a member that already left or changed role is not marked: no event, not reported as left', async () => {
    const { service, members, outbox } = setup();
    members.markLeaving.mockImplementation(async (_key, leavers) =>
      written(new Set(['3']), ...leavers.filter((l) => l.userId === '3').map((l) => l.event)),
    );
    const left = await service.depart(
      callBy('1'),
      KEY,
      [
        { userId: '2', role: 'admin' },
        { userId: '3', role: 'member' },
      ],
      'left',
    );
    expect([...left]).toEqual(['3']);
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([{ userId: '3', role: 'member', how: 'left' }]);
  });

  it('completes only after sending: a member whose event did not go out keeps it, and is not deleted (the sweep completes it)', async () => {
    const { service, members, outbox } = setup();
    const left = await service.depart(callBy('1'), KEY, [{ userId: '2', role: 'member' }], 'left');
    expect([...left]).toEqual(['2']);
    expect(outbox.commit.mock.invocationCallOrder[0]).toBeLessThan(members.deleteLeft.mock.invocationCallOrder[0]);
  });
});
