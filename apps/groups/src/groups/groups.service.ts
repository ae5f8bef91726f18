import type { RequestContext } from '@cohort/bus';
import type {
  GetGroupsCommand,
  GroupIdCommand,
  GroupInfoView,
  GroupSettings,
  GroupView,
  SetCapacityCommand,
  SetMuteAllCommand,
  UpdateGroupProfileCommand,
  UpdateGroupSettingsCommand,
} from '@cohort/contracts';
import { groupInfoOf, type GroupKey, groupKeyOf, type GroupType } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import {
  assertAdmin,
  assertCanEditProfile,
  assertOwner,
  canRead,
  groupNotFound,
  PeerFacts,
  type Role,
  roleOf,
} from '@cohort/group-access';
import { Outbox, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { MembershipClient } from '../peers/membership.client';
import { effectiveRole } from '../rules/group.policy';
import { GroupRepository, type ProfileFields } from './group.repository';
import { muteAllUntilFrom } from './group-defaults';

const PROFILE_FIELDS = ['name', 'description', 'avatar', 'ext'] as const;
const SETTING_FIELDS = [
  'applyApproval',
  'memberInvite',
  'memberModify',
  'readAck',
  'historyVisible',
  'disappearSeconds',
] as const;

@Injectable()
export class GroupsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly membership: MembershipClient,
    private readonly facts: PeerFacts,
    private readonly outbox: Outbox,
  ) {}

  /** For other services' rules: no read check. */
  async state(ctx: RequestContext, { groupId, groupType }: GroupIdCommand): Promise<GroupView> {
    const group = await this.groups.findActive(groupKeyOf(ctx, groupId));
    if (!group || (groupType && group.type !== groupType)) throw groupNotFound(groupId);
    return group;
  }

  async followOwnerTransfer(key: GroupKey, previousOwnerId: string, newOwnerId: string): Promise<void> {
    await this.groups.setOwner(key, previousOwnerId, newOwnerId);
  }

  /** Batch info: groups that are missing, destroyed or not readable by the caller are left out. */
  async getMany(ctx: RequestContext, { groupIds }: GetGroupsCommand): Promise<GroupInfoView[]> {
    const unique = [...new Set(groupIds)];
    const found = await this.groups.findActiveMany(ctx.caller.appId, unique);
    const access = await this.membership.accessTo(
      ctx,
      found.map((g) => g.groupId),
    );
    const readable = await Promise.all(
      found.map(async (group) => {
        const role = effectiveRole(ctx.caller, group, access.get(group.groupId));
        return canRead({ group, role }) && !(await this.isBlockedOutsider(ctx, group, role));
      }),
    );
    const byId = new Map(found.filter((_, i) => readable[i]).map((g) => [g.groupId, g]));
    return unique.flatMap((id) => {
      const group = byId.get(id);
      return group ? [groupInfoOf(group, access.get(id))] : [];
    });
  }

  private async isBlockedOutsider(ctx: RequestContext, group: GroupView, role: Role): Promise<boolean> {
    const userId = ctx.caller.userId;
    return role === null && userId !== null && (await this.facts.blockedAmong(ctx, group.groupId, [userId])).size > 0;
  }

  async updateProfile(ctx: RequestContext, command: UpdateGroupProfileCommand): Promise<GroupView> {
    const changed = pick(command, PROFILE_FIELDS);
    if (Object.keys(changed).length === 0) throw invalidParameter('profile', 'no field to update');
    const { group, role } = await this.load(ctx, command);
    assertCanEditProfile({ group, role });
    if (changed.name !== undefined && group.type === 'chatroom' && changed.name.length > 128) {
      throw invalidParameter('name', 'must be at most 128 characters for a chatroom');
    }
    const key = groupKeyOf(ctx, group.groupId);
    const event = this.outbox.prepare('group.updated', ctx, group.groupId, { changed });
    return this.committed(group.groupId, this.groups.updateProfile(key, changed as ProfileFields, event));
  }

  async updateSettings(ctx: RequestContext, command: UpdateGroupSettingsCommand): Promise<GroupView> {
    const changed = pick(command, SETTING_FIELDS) as Partial<GroupSettings>;
    if (Object.keys(changed).length === 0) throw invalidParameter('settings', 'no setting to update');
    const { group, role } = await this.load(ctx, command);
    assertAdmin({ group, role }, 'change group settings');
    const key = groupKeyOf(ctx, group.groupId);
    const event = this.outbox.prepare('group.settings_changed', ctx, group.groupId, { changed });
    return this.committed(group.groupId, this.groups.updateSettings(key, changed, event));
  }

  async setCapacity(ctx: RequestContext, command: SetCapacityCommand): Promise<GroupView> {
    const { groupId, capacity } = command;
    const { group, role } = await this.load(ctx, command);
    assertAdmin({ group, role }, 'change group settings');
    await this.membership.setCapacity(ctx, groupId, capacity);
    const key = groupKeyOf(ctx, groupId);
    const event = this.outbox.prepare('group.updated', ctx, groupId, { changed: { capacity } });
    return this.committed(groupId, this.groups.setCapacity(key, capacity, event));
  }

  async setMuteAll(ctx: RequestContext, command: SetMuteAllCommand): Promise<GroupView> {
    const { group, role } = await this.load(ctx, command);
    assertAdmin({ group, role }, 'change group settings');
    const until = muteAllUntilFrom(command.durationMs);
    const key = groupKeyOf(ctx, group.groupId);
    const event = this.outbox.prepare('group.mute_all_changed', ctx, group.groupId, { until });
    return this.committed(group.groupId, this.groups.setMuteAll(key, until, event));
  }

  async destroy(ctx: RequestContext, command: GroupIdCommand): Promise<{ destroyed: true }> {
    const { groupId } = command;
    const { group, role } = await this.load(ctx, command);
    assertOwner({ group, role }, 'do this');
    const key = groupKeyOf(ctx, groupId);
    // Members, mutes, files... are deleted by their owning services when they consume this event.
    const event = this.outbox.prepare(
      'group.destroyed',
      ctx,
      groupId,
      { type: group.type, ownerId: group.ownerId },
      groupId,
    );
    await this.committed(groupId, this.groups.markDestroyed(key, event));
    return { destroyed: true };
  }

  private async committed(groupId: string, write: Promise<Written<GroupView | null>>): Promise<GroupView> {
    const group = await this.outbox.commit(await write);
    if (!group) throw groupNotFound(groupId);
    return group;
  }

  /** Roles come from membership's facts, not the record: membership owns them. */
  private async load(
    ctx: RequestContext,
    target: string | { groupId: string; groupType?: GroupType },
  ): Promise<{ group: GroupView; role: Role }> {
    const { groupId, groupType } = typeof target === 'string' ? { groupId: target, groupType: undefined } : target;
    const callerId = ctx.caller.userId;
    const [group, roles] = await Promise.all([
      this.groups.findActive(groupKeyOf(ctx, groupId)),
      callerId ? this.facts.roles(ctx, groupId, [callerId]) : undefined,
    ]);
    // A route that names one kind of group (a chatroom route) does not find the other.
    if (!group || (groupType && group.type !== groupType)) throw groupNotFound(groupId);
    return { group, role: roleOf(ctx.caller, callerId ? roles?.get(callerId) : null) };
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  return result;
}
