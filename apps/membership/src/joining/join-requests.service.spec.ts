import { ApprovalPolicy, type JoinRequestView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { callBy, groupView, newTestService, sentEvents, written } from '@cohort/testing';

import { givenMembers, storedMember } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository } from '../members/member.repository';
import { AdmissionService } from './admission.service';
import { JoinRequestRepository } from './join-request.repository';
import { JoinRequestsService } from './join-requests.service';

const KEY = { appId: 'app', groupId: 'g1' };

function setup(applyApproval: ApprovalPolicy = ApprovalPolicy.ApprovalRequired, blocked: string[] = []) {
  const t = newTestService(JoinRequestsService, { real: [GroupContextLoader] });
  givenMembers(t, {
    group: { settings: { ...groupView().settings, applyApproval } },
    roles: { '2': 'admin', '3': 'member' },
    blocked,
  });
  const requests = t.mock(JoinRequestRepository);
  requests.claim.mockImplementation(async (...args) => written({} as JoinRequestView, args[4]));
  requests.upsertPending.mockImplementation(async (...args) => written({} as JoinRequestView, args[4]));
  return {
    ...t,
    requests,
    admission: t.mock(AdmissionService),
    members: t.mock(MemberRepository),
    outbox: t.mock(Outbox),
  };
}

describe('JoinRequestsService.apply', () => {
  it('an open group: joins at once through the admission', async () => {
    const { service, admission, requests } = setup(ApprovalPolicy.Open);
    await expect(service.apply(callBy('7'), { groupId: 'g1' })).resolves.toEqual({ outcome: 'joined' });
    expect(admission.admitOne).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ key: KEY }),
      '7',
      'applied',
    );
    expect(requests.upsertPending).not.toHaveBeenCalled();
  });

  it('approval required: stores a pending request with its join_request.created event', async () => {
    const { service, requests, outbox } = setup(ApprovalPolicy.ApprovalRequired);
    await expect(service.apply(callBy('7'), { groupId: 'g1', reason: 'hi' })).resolves.toEqual({ outcome: 'pending' });
    expect(requests.upsertPending).toHaveBeenCalledWith(
      KEY,
      '7',
      'hi',
      expect.any(Date),
      expect.objectContaining({ type: 'join_request.created' }),
    );
    expect(sentEvents(outbox)).toEqual([
      {
        type: 'join_request.created',
        groupId: 'g1',
        data: { applicantId: '7', reason: 'hi', expiresAt: expect.any(Number) },
      },
    ]);
  });

  it('a closed group: refuses every join request', async () => {
    const { service } = setup(ApprovalPolicy.Closed);
    await expect(service.apply(callBy('7'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses members (the owner too) and blocked users before storing anything', async () => {
    const { service, requests } = setup(ApprovalPolicy.ApprovalRequired, ['8']);
    await expect(service.apply(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'already_member' });
    await expect(service.apply(callBy('1'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'already_member' });
    await expect(service.apply(callBy('8'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'blocked' });
    expect(requests.upsertPending).not.toHaveBeenCalled();
  });

  it('an unknown group is group_not_found', async () => {
    const { service } = setup();
    await expect(service.apply(callBy('7'), { groupId: 'nope' })).rejects.toMatchObject({ code: 'group_not_found' });
  });
});

describe('JoinRequestsService.handle', () => {
  it('an admin approves: claims the request, admits the applicant, sends join_request.handled', async () => {
    const { service, requests, admission, outbox } = setup();
    await expect(service.handle(callBy('2'), { groupId: 'g1', applicantId: '7', approve: true })).resolves.toEqual({
      outcome: 'joined',
    });
    expect(requests.claim).toHaveBeenCalledWith(
      KEY,
      '7',
      1,
      '2',
      expect.objectContaining({ type: 'join_request.handled' }),
    );
    expect(admission.admitOne).toHaveBeenCalledWith(expect.anything(), expect.anything(), '7', 'applied');
    expect(sentEvents(outbox)).toEqual([
      { type: 'join_request.handled', groupId: 'g1', data: { applicantId: '7', approved: true } },
    ]);
  });

  it('rejecting admits nobody', async () => {
    const { service, requests, admission } = setup();
    await expect(service.handle(callBy('1'), { groupId: 'g1', applicantId: '7', approve: false })).resolves.toEqual({
      outcome: 'rejected',
    });
    expect(requests.claim).toHaveBeenCalledWith(KEY, '7', 2, '1', expect.anything());
    expect(admission.admitOne).not.toHaveBeenCalled();
  });

  it('a refused admission puts the request back and sends nothing', async () => {
    const { service, requests, admission, outbox } = setup();
    admission.admitOne.mockRejectedValue(new DomainError('group_full', 'full'));
    await expect(service.handle(callBy('2'), { groupId: 'g1', applicantId: '7', approve: true })).rejects.toMatchObject(
      { code: 'group_full' },
    );
    expect(requests.unclaim).toHaveBeenCalledWith(KEY, '7', expect.any(String));
    expect(sentEvents(outbox)).toEqual([]);
  });

  it('no pending request is not_found; a plain member may not decide', async () => {
    const { service, requests } = setup();
    await expect(service.handle(callBy('3'), { groupId: 'g1', applicantId: '7', approve: true })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    requests.claim.mockResolvedValue(written(null));
    await expect(service.handle(callBy('2'), { groupId: 'g1', applicantId: '7', approve: true })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('approving a user who became a member meanwhile admits nobody', async () => {
    const { service, admission } = setup();
    await service.handle(callBy('2'), { groupId: 'g1', applicantId: '3', approve: true });
    expect(admission.admitOne).not.toHaveBeenCalled();
  });
});

describe('JoinRequestsService.list', () => {
  it('lists only the groups the caller administers', async () => {
    const { service, members, requests } = setup();
    members.findUserIn.mockResolvedValue(
      new Map([
        ['g1', storedMember('2', 'admin', 'g1')],
        ['g2', storedMember('2', 'member', 'g2')],
      ]),
    );
    requests.page.mockResolvedValue({ items: [], next: null });
    requests.count.mockResolvedValue(0);
    await service.list(callBy('2'), { groupIds: ['g1', 'g2', 'g1'], limit: 10 });
    expect(requests.page).toHaveBeenCalledWith('app', ['g1'], 10, undefined);
  });

  it('one named group the caller does not administer is refused; several answer an empty page', async () => {
    const { service, members } = setup();
    members.findUserIn.mockResolvedValue(new Map());
    await expect(service.list(callBy('3'), { groupIds: ['g1'], limit: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.list(callBy('3'), { groupIds: ['g1', 'g2'], limit: 10 })).resolves.toEqual({
      items: [],
      cursor: null,
      total: 0,
    });
  });

  it('the app admin reads every listed group', async () => {
    const { service, requests } = setup();
    requests.page.mockResolvedValue({ items: [], next: null });
    await service.list(callBy(null), { groupIds: ['g1', 'g2'], limit: 10 });
    expect(requests.page).toHaveBeenCalledWith('app', ['g1', 'g2'], 10, undefined);
  });
});
