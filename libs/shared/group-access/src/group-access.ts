import { BusClient, type RequestContext } from '@cohort/bus';
import {
  GroupCommands,
  type GroupKey,
  groupKeyOf,
  type GroupType,
  type GroupView,
  type MemberRole,
  MembershipCommands,
  ModerationCommands,
} from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { assertCanRead, blockedReader, groupNotFound, isOutsiderReader, type Role, roleOf } from './access-rules';
import { PeerFactCache } from './peer-fact-cache';

/** A group as the rules of a service that does not own members see it: the record, the caller's role, the named users' roles. */
export interface GroupAccess {
  key: GroupKey;
  group: GroupView;
  /** null: not a member. An app admin without a user acts as the owner. */
  role: Role;
  /** Roles of the named users who are members. */
  roles: Map<string, MemberRole>;
}

/** A group as a command names it, with the kind its route expects (absent: any). */
export interface GroupTarget {
  groupId: string;
  groupType?: GroupType;
}

/**
 * The facts other services own, as this service's rules need them: a group's record (groups), roles
 * (membership), blocklist entries and mute ends (moderation) — from this instance's PeerFactCache, so a warm
 * request asks no other service; a cold one asks the owners in parallel.
 */
@Injectable()
export class PeerFacts {
  constructor(
    private readonly bus: BusClient,
    private readonly cache: PeerFactCache,
  ) {}

  /** The active group; `group_not_found` when missing, destroyed, or not of the kind the route names. */
  async group(ctx: RequestContext, { groupId, groupType }: GroupTarget): Promise<GroupView> {
    const group = await this.cache.record(ctx.caller.appId, groupId, () =>
      this.bus.send(GroupCommands.state, ctx, { groupId }),
    );
    if (groupType && group.type !== groupType) throw groupNotFound(groupId);
    return group;
  }

  /** Roles of the named users who are members. */
  roles(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, MemberRole>> {
    if (userIds.length === 0) return Promise.resolve(new Map());
    return this.cache.roles(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(MembershipCommands.rolesOf, ctx, { groupId, userIds: missing }),
    );
  }

  /** The named users who are on the group's blocklist. */
  blockedAmong(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return Promise.resolve(new Set());
    return this.cache.blockedAmong(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId, userIds: missing }),
    );
  }

  /** Each muted user's mute end (ms, -1 permanent); users not muted are absent. */
  muteEnds(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return Promise.resolve(new Map());
    return this.cache.muteEnds(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(ModerationCommands.muteEnds, ctx, { groupId, userIds: missing }),
    );
  }

  /** Refuses a blocked outsider's read (members are never on the blocklist). */
  async assertNotBlockedReader(ctx: RequestContext, subject: { group: GroupView; role: Role }): Promise<void> {
    const callerId = ctx.caller.userId;
    if (
      callerId &&
      isOutsiderReader(subject, ctx.caller) &&
      (await this.blockedAmong(ctx, subject.group.groupId, [callerId])).size > 0
    ) {
      throw blockedReader(subject.group.groupId);
    }
  }
}

/** Loads a group and the roles its rules need, for moderation, content and room metadata (which own neither). */
@Injectable()
export class GroupAccessLoader {
  constructor(private readonly facts: PeerFacts) {}

  async load(ctx: RequestContext, target: GroupTarget, userIds: string[] = []): Promise<GroupAccess> {
    const callerId = ctx.caller.userId;
    const [group, roles] = await Promise.all([
      this.facts.group(ctx, target),
      this.facts.roles(ctx, target.groupId, callerId ? [callerId, ...userIds] : userIds),
    ]);
    return {
      key: groupKeyOf(ctx, target.groupId),
      group,
      role: roleOf(ctx.caller, callerId ? roles.get(callerId) : null),
      roles,
    };
  }

  /** Loads a group the caller may read: members read any group; others chatrooms and public groups, unless blocked. */
  async loadReadable(ctx: RequestContext, target: GroupTarget): Promise<GroupAccess> {
    const access = await this.load(ctx, target);
    assertCanRead(access);
    await this.facts.assertNotBlockedReader(ctx, access);
    return access;
  }
}
