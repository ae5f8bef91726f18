import { callBy, newTestService } from '@cohort/testing';

import { givenMembers } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { AdmissionService } from './admission.service';
import { DirectAddService } from './direct-add.service';

describe('DirectAddService.add', () => {
  it('admins add, per item in request order with the admission’s refusals; members may not', async () => {
    const t = newTestService(DirectAddService, { real: [GroupContextLoader] });
    givenMembers(t, { roles: { '2': 'admin', '3': 'member' } });
    const admission = t.mock(AdmissionService);
    admission.admit.mockResolvedValue(
      new Map([
        ['7', null],
        ['3', { code: 'already_member', message: 'm' }],
      ]),
    );
    await expect(t.service.add(callBy('2'), { groupId: 'g1', userIds: ['7', '3'] })).resolves.toEqual([
      { userId: '7', ok: true },
      { userId: '3', ok: false, error: { code: 'already_member', message: 'm' } },
    ]);
    expect(admission.admit).toHaveBeenCalledWith(expect.anything(), expect.anything(), ['7', '3'], 'added');
    await expect(t.service.add(callBy('3'), { groupId: 'g1', userIds: ['7'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
