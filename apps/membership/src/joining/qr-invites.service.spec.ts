import { callBy, groupView, newTestService } from '@cohort/testing';
import { ConfigService } from '@nestjs/config';

import { givenMembers, rosterState } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { RosterRepository } from '../roster/roster.repository';
import { AdmissionService } from './admission.service';
import { QrInvitesService } from './qr-invites.service';

const config = new ConfigService({ QR_SECRET: 'q'.repeat(32) });

function setup(memberInvite = true) {
  const t = newTestService(QrInvitesService, { real: [GroupContextLoader], use: [[ConfigService, config]] });
  givenMembers(t, {
    group: { settings: { ...groupView().settings, memberInvite } },
    roles: { '2': 'admin', '3': 'member' },
  });
  const rosters = t.mock(RosterRepository);
  rosters.find.mockResolvedValue(rosterState());
  return { ...t, rosters, admission: t.mock(AdmissionService) };
}

describe('QrInvitesService', () => {
  it('an admin signs; the invitee redeems it and joins through the admission', async () => {
    const { service, admission } = setup();
    const { token, expiresAt } = await service.sign(callBy('2'), { groupId: 'g1' });
    expect(expiresAt).toBeGreaterThan(Date.now());
    await expect(service.redeem(callBy('9'), { token })).resolves.toEqual({ groupId: 'g1' });
    expect(admission.admitOne).toHaveBeenCalledWith(expect.anything(), expect.anything(), '9', 'qr');
  });

  it('a member signs only with member_invite on', async () => {
    await expect(setup(true).service.sign(callBy('3'), { groupId: 'g1' })).resolves.toHaveProperty('token');
    await expect(setup(false).service.sign(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a forged, malformed or other app’s token is invalid, naming the field', async () => {
    const { service } = setup();
    const { token } = await service.sign(callBy('2'), { groupId: 'g1' });
    const [payload] = token.split('.');
    for (const bad of [`${payload}.forged`, payload, `${token}.x`]) {
      await expect(service.redeem(callBy('9'), { token: bad })).rejects.toMatchObject({
        code: 'invalid_parameter',
        details: { field: 'token' },
      });
    }
    await expect(
      service.redeem({ ...callBy('9'), caller: { appId: 'other', userId: '9', isAppAdmin: false } }, { token }),
    ).rejects.toMatchObject({ details: { field: 'token' } });
  });

  it('rotating the invite code revokes it', async () => {
    const { service, rosters } = setup();
    const { token } = await service.sign(callBy('2'), { groupId: 'g1' });
    rosters.find.mockResolvedValue(rosterState({ inviteCode: 'code-2' }));
    await expect(service.redeem(callBy('9'), { token })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('rotated'),
    });
  });

  it('a signer who may no longer invite revokes it; the app admin’s holds', async () => {
    const { service } = setup();
    const byMember = await service.sign(callBy('3'), { groupId: 'g1' });
    const byApp = await service.sign(callBy(null), { groupId: 'g1' });
    const later = setup(false);
    await expect(later.service.redeem(callBy('9'), byMember)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('signer'),
    });
    await expect(later.service.redeem(callBy('9'), byApp)).resolves.toEqual({ groupId: 'g1' });
  });

  it('an expired one is refused', async () => {
    const { service } = setup();
    const { token } = await service.sign(callBy('2'), { groupId: 'g1' });
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 365 * 24 * 3600 * 1000);
    try {
      await expect(service.redeem(callBy('9'), { token })).rejects.toMatchObject({
        details: { field: 'token' },
        message: expect.stringContaining('expired'),
      });
    } finally {
      jest.restoreAllMocks();
    }
  });
});
