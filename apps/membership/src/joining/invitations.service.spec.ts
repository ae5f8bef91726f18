import { DomainError } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { callBy, groupView, newTestService, sentEvents, written } from '@cohort/testing';

import { givenMembers } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { AdmissionService } from './admission.service';
import { InvitationRepository } from './invitation.repository';
import { APP_ADMIN_INVITER, InvitationsService } from './invitations.service';

const KEY = { appId: 'app', groupId: 'g1' };

function setup(memberInvite = true) {
  const t = newTestService(InvitationsService, { real: [GroupContextLoader] });
  givenMembers(t, {
    group: { settings: { ...groupView().settings, memberInvite } },
    roles: { '2': 'admin', '3': 'member' },
    blocked: ['8'],
  });
  const invitations = t.mock(InvitationRepository);
  invitations.findPending.mockResolvedValue([{ inviterId: '2' }, { inviterId: '3' }] as Awaited<
    ReturnType<InvitationRepository['findPending']>
  >);
  invitations.claim.mockImplementation(async (_key, _invitee, _inviter, _status, event) => written(true, event));
  invitations.upsertPending.mockImplementation(async (_key, _inviter, invites) =>
    written(undefined, ...invites.map((i) => i.event)),
  );
  return { ...t, invitations, admission: t.mock(AdmissionService), outbox: t.mock(Outbox) };
}

describe('InvitationsService.invite', () => {
  it('per item in request order: members and blocked users refused, the others invited once each with invitation.created', async () => {
    const { service, invitations, outbox } = setup();
    const results = await service.invite(callBy('2'), {
      groupId: 'g1',
      userIds: ['3', '7', '8', '7'],
      reason: 'join us',
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['already_member', 'ok', 'blocked', 'ok']);
    expect(invitations.upsertPending).toHaveBeenCalledWith(
      KEY,
      '2',
      [expect.objectContaining({ inviteeId: '7' })],
      'join us',
      expect.any(Date),
    );
    expect(sentEvents(outbox)).toEqual([
      {
        type: 'invitation.created',
        groupId: 'g1',
        data: { inviteeId: '7', inviterId: '2', reason: 'join us', expiresAt: expect.any(Number) },
      },
    ]);
  });

  it('a member invites only when the group lets members invite; an outsider never', async () => {
    await expect(setup(true).service.invite(callBy('3'), { groupId: 'g1', userIds: ['7'] })).resolves.toEqual([
      { userId: '7', ok: true },
    ]);
    await expect(setup(false).service.invite(callBy('3'), { groupId: 'g1', userIds: ['7'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setup(true).service.invite(callBy('9'), { groupId: 'g1', userIds: ['7'] })).rejects.toMatchObject({
      code: 'not_member',
    });
  });

  it('the app admin acting as nobody invites as the app', async () => {
    const { service, invitations } = setup();
    await service.invite(callBy(null), { groupId: 'g1', userIds: ['7'] });
    expect(invitations.upsertPending).toHaveBeenCalledWith(
      KEY,
      APP_ADMIN_INVITER,
      expect.anything(),
      '',
      expect.any(Date),
    );
  });
});

describe('InvitationsService.handle', () => {
  it('accepting claims every pending invitation, joins once, and sends one invitation.handled per inviter', async () => {
    const { service, invitations, admission, outbox } = setup();
    await expect(service.handle(callBy('7'), { groupId: 'g1', accept: true })).resolves.toEqual({ outcome: 'joined' });
    expect(invitations.claim).toHaveBeenCalledTimes(2);
    expect(admission.admitOne).toHaveBeenCalledWith(expect.anything(), expect.anything(), '7', 'invited');
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([
      { inviteeId: '7', inviterId: '2', accepted: true },
      { inviteeId: '7', inviterId: '3', accepted: true },
    ]);
  });

  it('declining joins nobody', async () => {
    const { service, admission, invitations } = setup();
    await expect(service.handle(callBy('7'), { groupId: 'g1', accept: false })).resolves.toEqual({
      outcome: 'declined',
    });
    expect(invitations.claim).toHaveBeenCalledWith(KEY, '7', '2', 2, expect.anything());
    expect(admission.admitOne).not.toHaveBeenCalled();
  });

  it('nothing pending (or all answered concurrently) is not_found', async () => {
    const { service, invitations } = setup();
    invitations.claim.mockResolvedValue(written(false));
    await expect(service.handle(callBy('7'), { groupId: 'g1', accept: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a refused join puts every claimed invitation back to pending and sends nothing', async () => {
    const { service, invitations, admission, outbox } = setup();
    admission.admitOne.mockRejectedValue(new DomainError('group_full', 'full'));
    await expect(service.handle(callBy('7'), { groupId: 'g1', accept: true })).rejects.toMatchObject({
      code: 'group_full',
    });
    expect(invitations.unclaim).toHaveBeenCalledTimes(2);
    expect(sentEvents(outbox)).toEqual([]);
  });
});

describe('InvitationsService.list', () => {
  it("a group's invitations for its admins only; without a group, the caller's received ones", async () => {
    const { service, invitations } = setup();
    invitations.page.mockResolvedValue({ items: [], next: null });
    await expect(service.list(callBy('3'), { groupId: 'g1', limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await service.list(callBy('2'), { groupId: 'g1', limit: 10 });
    expect(invitations.page).toHaveBeenLastCalledWith('app', { groupId: 'g1' }, 10, undefined);
    await service.list(callBy('7'), { limit: 10 });
    expect(invitations.page).toHaveBeenLastCalledWith('app', { inviteeId: '7' }, 10, undefined);
    await expect(service.list(callBy(null), { limit: 10 })).rejects.toMatchObject({ code: 'invalid_parameter' });
  });
});
