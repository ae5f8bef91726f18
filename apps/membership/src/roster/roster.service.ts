import { Injectable } from '@nestjs/common';
import type { AccessView, GetAccessCommand, InitializeRosterCommand, MemberView, PurgeRosterCommand } from '@cohort/contracts';
import { groupKeyOf } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError, invalidParameter } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { flushEach } from '../members/flush-each';
import { MemberRepository, type StoredMember } from '../members/member.repository';
import { RosterPurger } from './roster-purger';
import { RosterRepository } from './roster.repository';

/** Rosters: who is in which group from its creation, the maintained count, and access views. */
@Injectable()
export class RosterService {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly members: MemberRepository,
    private readonly purger: RosterPurger,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Step of the create saga, idempotent by group id: a retry after a partial run completes it
   * and answers the same count.
   */
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
      event: this.outbox.prepare('member.joined', ctx, command.groupId, { userId, role, how: 'created' }, `${command.groupId}:${userId}:created`),
    });
    const members = [joined(command.ownerId, 'owner'), ...memberIds.map((userId) => joined(userId, 'member'))];
    await this.members.insert(key, type, members, new Date());
    // Nobody else can join before the group is active: an exact count, once.
    const memberCount = await this.members.count(key);
    await this.rosters.setCount(key, memberCount, command.capacity);
    await flushEach(this.outbox, this.members.outbox, key, members);
    return { memberCount };
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
      const member = members.get(groupId);
      return [{ groupId, memberCount: roster.memberCount, ownerId: roster.ownerId, member: member ? memberView(member) : null }];
    });
  }
}

function memberView({ groupId: _groupId, groupType: _groupType, ...view }: StoredMember): MemberView {
  return view;
}
