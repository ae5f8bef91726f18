import type { RequestContext } from '@cohort/bus';
import type {
  AccessView,
  GetAccessCommand,
  GroupInfoCommand,
  GroupInfoView,
  InitializeRosterCommand,
  PurgeRosterCommand,
  SetRosterCapacityCommand,
} from '@cohort/contracts';
import { groupInfoOf, groupKeyOf } from '@cohort/contracts';
import { DomainError, invalidParameter } from '@cohort/errors';
import { isAdminRole, PeerFacts, roleOf } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository, memberViewOf, type StoredMember } from '../members/member.repository';
import { RosterPurger } from '../purge/roster-purger';
import { RosterRepository, type RosterState } from './roster.repository';

/** Tries of a capacity change that races joins and leaves before answering `conflict`. */
const CAPACITY_ATTEMPTS = 5;

@Injectable()
export class RosterService {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly members: MemberRepository,
    private readonly purger: RosterPurger,
    private readonly loader: GroupContextLoader,
    private readonly outbox: Outbox,
    private readonly facts: PeerFacts,
  ) {}

  /**
   * Group info in one hop: the record from PeerFacts, the roster and the caller's record from here;
   * `withAnnouncement`, the current announcement from PeerFacts too.
   */
  async info(ctx: RequestContext, { withAnnouncement, ...target }: GroupInfoCommand): Promise<GroupInfoView> {
    const gc = await this.loader.loadReadable(ctx, target);
    const [roster, announcement] = await Promise.all([
      this.rosters.findCached(gc.key),
      withAnnouncement ? this.facts.announcement(ctx, gc.group.groupId) : undefined,
    ]);
    const caller = gc.callerId ? gc.members.get(gc.callerId) : undefined;
    const info = groupInfoOf(gc.group, roster ? accessViewOf(gc.group.groupId, roster, caller) : undefined);
    return announcement === undefined ? info : { ...info, announcement };
  }

  /** A retry after a partial run completes it and answers the same count. */
  async initialize(ctx: RequestContext, command: InitializeRosterCommand): Promise<{ memberCount: number }> {
    if (!ctx.caller.isAppAdmin && ctx.caller.userId !== command.ownerId) {
      throw new DomainError('forbidden', 'a roster is initialized for its owner only');
    }
    const memberIds = [...new Set(command.memberIds)].filter((id) => id !== command.ownerId);
    if (memberIds.length + 1 > command.capacity) {
      throw invalidParameter('memberIds', `at most ${command.capacity - 1} users besides the owner`);
    }
    const key = groupKeyOf(ctx, command.groupId);
    const type = command.type ?? 'group';
    await this.rosters.ensure(key, type, command.ownerId, command.capacity);
    // Message id per (group, user, created): a retried step stores and sends the same facts.
    const joined = (userId: string, role: 'owner' | 'member') => ({
      userId,
      role,
      event: this.outbox.prepare(
        'member.joined',
        ctx,
        command.groupId,
        { userId, role, how: 'created' },
        `${command.groupId}:${userId}:created`,
      ),
    });
    const members = [joined(command.ownerId, 'owner'), ...memberIds.map((userId) => joined(userId, 'member'))];
    const inserted = await this.members.insert(key, type, members, new Date(), { retried: true });
    // Nobody else can join before the group is active: an exact count, once.
    const memberCount = await this.members.count(key);
    await this.rosters.setCount(key, memberCount, command.capacity);
    await this.outbox.commit(inserted);
    return { memberCount };
  }

  /** Retried when a join or leave moved the free places meanwhile. */
  async setCapacity(
    ctx: RequestContext,
    { groupId, capacity }: SetRosterCapacityCommand,
  ): Promise<{ capacity: number; memberCount: number }> {
    const key = groupKeyOf(ctx, groupId);
    if (ctx.caller.userId) {
      const caller = (await this.members.findMany(key, [ctx.caller.userId])).get(ctx.caller.userId);
      if (!isAdminRole(roleOf(ctx.caller, caller?.role)))
        throw new DomainError('forbidden', 'only the owner and admins may change the capacity');
    }
    for (let attempt = 0; attempt < CAPACITY_ATTEMPTS; attempt++) {
      const roster = await this.rosters.find(key);
      if (!roster) throw new DomainError('group_not_found', `group ${groupId} does not exist`);
      if (capacity < roster.memberCount) {
        throw invalidParameter('capacity', `must be at least the current member count (${roster.memberCount})`);
      }
      if (await this.rosters.resize(key, roster.capacity, capacity))
        return { capacity, memberCount: roster.memberCount };
    }
    throw new DomainError('conflict', 'the membership kept changing; try again');
  }

  async stats(ctx: RequestContext): Promise<{ members: number }> {
    if (!ctx.caller.isAppAdmin)
      throw new DomainError('forbidden', 'only the app admin may count the members of the app');
    return { members: await this.rosters.totalMembers(ctx.caller.appId) };
  }

  async purge(ctx: RequestContext, { groupId }: PurgeRosterCommand): Promise<{ purged: true }> {
    if (!ctx.caller.isAppAdmin) throw new DomainError('forbidden', 'only the system may purge a roster');
    await this.purger.purge(groupKeyOf(ctx, groupId));
    return { purged: true };
  }

  async access(ctx: RequestContext, { groupIds, userId }: GetAccessCommand): Promise<AccessView[]> {
    const unique = [...new Set(groupIds)];
    const [rosters, members] = await Promise.all([
      this.rosters.findMany(ctx.caller.appId, unique),
      userId ? this.members.findUserIn(ctx.caller.appId, unique, userId) : new Map<string, StoredMember>(),
    ]);
    return unique.flatMap((groupId) => {
      const roster = rosters.get(groupId);
      if (!roster) return [];
      return [accessViewOf(groupId, roster, members.get(groupId))];
    });
  }
}

function accessViewOf(groupId: string, roster: RosterState, member: StoredMember | undefined): AccessView {
  return {
    groupId,
    memberCount: roster.memberCount,
    ownerId: roster.ownerId,
    capacity: roster.capacity,
    member: member ? memberViewOf(member) : null,
  };
}
