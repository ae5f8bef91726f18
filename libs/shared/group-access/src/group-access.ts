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

export interface GroupAccess {
  key: GroupKey;
  group: GroupView;
  /** An app admin without a user acts as the owner. */
  role: Role;
  roles: Map<string, MemberRole>;
}

export interface GroupTarget {
  groupId: string;
  groupType?: GroupType;
}

/** From this instance's PeerFactCache: a warm request asks no other service; a cold one asks the owners in parallel. */
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

  roles(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, MemberRole>> {
    if (userIds.length === 0) return Promise.resolve(new Map());
    return this.cache.roles(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(MembershipCommands.rolesOf, ctx, { groupId, userIds: missing }),
    );
  }

  blockedAmong(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return Promise.resolve(new Set());
    return this.cache.blockedAmong(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId, userIds: missing }),
    );
  }

  muteEnds(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return Promise.resolve(new Map());
    return this.cache.muteEnds(ctx.caller.appId, groupId, userIds, (missing) =>
      this.bus.send(ModerationCommands.muteEnds, ctx, { groupId, userIds: missing }),
    );
  }

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

  async loadReadable(ctx: RequestContext, target: GroupTarget): Promise<GroupAccess> {
    const access = await this.load(ctx, target);
    assertCanRead(access);
    await this.facts.assertNotBlockedReader(ctx, access);
    return access;
  }
}
