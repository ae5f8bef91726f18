import { callBy, newTestService } from '@cohort/testing';

import { givenMembers, rosterState } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { RosterRepository } from '../roster/roster.repository';
import { AdmissionService } from './admission.service';
import { InviteCodesService } from './invite-codes.service';

function setup() {
  const t = newTestService(InviteCodesService, { real: [GroupContextLoader] });
  givenMembers(t, { roles: { '2': 'admin', '3': 'member' } });
  const rosters = t.mock(RosterRepository);
  rosters.find.mockResolvedValue(rosterState());
  rosters.findByInviteCode.mockImplementation(async (_appId, code) => (code === 'code-1' ? rosterState() : null));
  rosters.rotateInviteCode.mockResolvedValue('code-2');
  return { ...t, rosters, admission: t.mock(AdmissionService) };
}

describe('InviteCodesService', () => {
  it('members see the code; outsiders do not', async () => {
    const { service } = setup();
    await expect(service.get(callBy('3'), { groupId: 'g1' })).resolves.toEqual({ code: 'code-1' });
    await expect(service.get(callBy('9'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
  });

  it('admins rotate it; members may not; a vanished roster is group_not_found', async () => {
    const { service, rosters } = setup();
    await expect(service.rotate(callBy('2'), { groupId: 'g1' })).resolves.toEqual({ code: 'code-2' });
    await expect(service.rotate(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'forbidden' });
    rosters.rotateInviteCode.mockResolvedValue(null);
    await expect(service.rotate(callBy('2'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'group_not_found' });
  });

  it('a valid code names its group and joins it through the admission; an old or unknown one is not_found', async () => {
    const { service, admission } = setup();
    await expect(service.find(callBy('9'), { code: 'code-1' })).resolves.toEqual({ groupId: 'g1' });
    await expect(service.join(callBy('9'), { code: 'code-1' })).resolves.toEqual({ groupId: 'g1' });
    expect(admission.admitOne).toHaveBeenCalledWith(expect.anything(), expect.anything(), '9', 'code');
    await expect(service.find(callBy('9'), { code: 'old' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.join(callBy('9'), { code: 'old' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
