import type { RequestContext } from '@cohort/bus';
import { ApprovalPolicy, type GroupView, type MemberRole } from '@cohort/contracts';
import { groupNotFound, type GroupTarget, PeerFacts } from '@cohort/group-access';

export const TEST_APP = 'app';

export function callBy(userId: string | null, { isAppAdmin = userId === null } = {}): RequestContext {
  return { caller: { appId: TEST_APP, userId, isAppAdmin }, requestId: 'req-1' };
}

/** Owned by user `1`, with the settings a new group has. */
export function groupView(overrides: Partial<GroupView> = {}): GroupView {
  return {
    groupId: 'g1',
    type: 'group',
    name: 'team',
    description: '',
    avatar: '',
    ext: '',
    ownerId: '1',
    creatorId: '1',
    capacity: 1000,
    public: false,
    status: 'active',
    settings: {
      applyApproval: ApprovalPolicy.ApprovalRequired,
      memberInvite: true,
      memberModify: false,
      readAck: false,
      historyVisible: true,
      disappearSeconds: 0,
    },
    muteAllUntil: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

export interface GivenGroup {
  group?: Partial<GroupView>;
  roles?: Record<string, MemberRole>;
  blocked?: string[];
  muteEnds?: Record<string, number>;
}

/** Any other id (or the wrong kind) is `group_not_found`; the read check of blocked outsiders is the real one. */
export function givenGroup(facts: jest.Mocked<PeerFacts>, given: GivenGroup = {}): GroupView {
  const group = groupView(given.group);
  const roles = new Map<string, MemberRole>([[group.ownerId, 'owner'], ...Object.entries(given.roles ?? {})]);
  const blocked = new Set(given.blocked ?? []);
  const muteEnds = new Map(Object.entries(given.muteEnds ?? {}));
  facts.group.mockImplementation(async (_ctx: RequestContext, { groupId, groupType }: GroupTarget) => {
    if (groupId !== group.groupId || (groupType && groupType !== group.type)) throw groupNotFound(groupId);
    return group;
  });
  facts.roles.mockImplementation(
    async (_ctx, _groupId, userIds) =>
      new Map(userIds.flatMap((id) => (roles.has(id) ? [[id, roles.get(id) as MemberRole]] : []))),
  );
  facts.blockedAmong.mockImplementation(
    async (_ctx, _groupId, userIds) => new Set(userIds.filter((id) => blocked.has(id))),
  );
  facts.muteEnds.mockImplementation(
    async (_ctx, _groupId, userIds) =>
      new Map(userIds.flatMap((id) => (muteEnds.has(id) ? [[id, muteEnds.get(id) as number]] : []))),
  );
  facts.assertNotBlockedReader.mockImplementation(PeerFacts.prototype.assertNotBlockedReader.bind(facts));
  return group;
}
