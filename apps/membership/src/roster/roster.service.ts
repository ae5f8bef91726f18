import { Injectable } from '@nestjs/common';
import type {
  AccessView,
  GetAccessCommand,
  InitializeRosterCommand,
  MemberView,
  PurgeRosterCommand,
} from '@cohort/contracts';
import { groupKeyOf } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError, invalidParameter } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { RosterRepository } from './roster.repository';

/** Join events sent at once after a roster is stored (bounded, for 100k-member rooms). */
const PUBLISH_CHUNK = 200;

/** Rosters: who is in which group, the maintained count, and the capacity rule. */
@Injectable()
export class RosterService {
  constructor(
    private readonly rosters: RosterRepository,
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
    await this.rosters.ensureRoster(key, command.ownerId, command.capacity);
    // Message id per (group, user, created): a retried step stores and sends the same facts.
    const joined = (userId: string, role: 'owner' | 'member') => ({
      userId,
      role,
      event: this.outbox.prepare('member.joined', ctx, command.groupId, { userId, role, how: 'created' }, `${command.groupId}:${userId}:created`),
    });
    const members = [joined(command.ownerId, 'owner'), ...memberIds.map((userId) => joined(userId, 'member'))];
    await this.rosters.insertMembers(key, members, new Date());
    const memberCount = await this.rosters.recount(key);
    for (let i = 0; i < members.length; i += PUBLISH_CHUNK) {
      await Promise.all(
        members
          .slice(i, i + PUBLISH_CHUNK)
          .map((m) => this.outbox.flush(this.rosters.outbox, { ...key, userId: m.userId }, [m.event])),
      );
    }
    return { memberCount };
  }

  async purge(ctx: RequestContext, { groupId }: PurgeRosterCommand): Promise<{ purged: true }> {
    if (!ctx.caller.isAppAdmin) throw new DomainError('forbidden', 'only the system may purge a roster');
    await this.rosters.purge(groupKeyOf(ctx, groupId));
    return { purged: true };
  }

  async access(ctx: RequestContext, { groupIds, userId }: GetAccessCommand): Promise<AccessView[]> {
    const unique = [...new Set(groupIds)];
    const [rosters, members] = await Promise.all([
      this.rosters.findRosters(ctx.caller.appId, unique),
      userId ? this.rosters.findMemberships(ctx.caller.appId, unique, userId) : new Map<string, MemberView>(),
    ]);
    const found = unique.filter((id) => rosters.has(id));
    return found.map((groupId) => ({
      groupId,
      memberCount: rosters.get(groupId)?.memberCount ?? 0,
      member: members.get(groupId) ?? null,
    }));
  }
}
