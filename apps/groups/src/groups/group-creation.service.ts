import { type RequestContext, wasNotDelivered } from '@cohort/bus';
import {
  type CreateGroupCommand,
  groupInfoOf,
  type GroupInfoView,
  groupKeyOf,
  type GroupView,
  Limits,
} from '@cohort/contracts';
import { DomainError, invalidParameter } from '@cohort/errors';
import { isDuplicateKeyError } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { generateNumericId } from '@cohort/service-kit';
import { Injectable, Logger } from '@nestjs/common';

import { MembershipClient } from '../peers/membership.client';
import { assertCanCreate } from '../rules/group.policy';
import { SuperAdminRepository } from '../super-admins/super-admin.repository';
import { GroupRepository, type NewGroup } from './group.repository';
import { defaultPublic, defaultSettings } from './group-defaults';

const ID_ATTEMPTS = 3;

/**
 * Creation spans groups and membership with no transaction, so it is a saga: pending → roster →
 * active with `group.created`. A failure compensates; a crash is left to the GroupSweeper.
 */
@Injectable()
export class GroupCreationService {
  private readonly logger = new Logger(GroupCreationService.name);

  constructor(
    private readonly groups: GroupRepository,
    private readonly superAdmins: SuperAdminRepository,
    private readonly membership: MembershipClient,
    private readonly outbox: Outbox,
  ) {}

  async create(ctx: RequestContext, command: CreateGroupCommand): Promise<GroupInfoView> {
    const { caller } = ctx;
    const ownerId = caller.userId ?? command.ownerId;
    if (!ownerId) throw invalidParameter('ownerId', 'is required: an app admin creates a group on behalf of its owner');
    const isSuperAdmin =
      command.type === 'chatroom' && !caller.isAppAdmin
        ? await this.superAdmins.isSuperAdmin(caller.appId, ownerId)
        : false;
    assertCanCreate(command.type, caller, isSuperAdmin);
    if (command.type === 'chatroom' && (command.name?.length ?? 0) > Limits.chatroomName) {
      throw invalidParameter('name', `must be at most ${Limits.chatroomName} characters for a chatroom`);
    }
    const capacity = command.capacity ?? Limits.defaultCapacity;
    const memberIds = [...new Set(command.memberIds)].filter((id) => id !== ownerId);
    if (memberIds.length + 1 > capacity) {
      throw invalidParameter('memberIds', `at most ${capacity - 1} users besides the owner (capacity ${capacity})`);
    }

    const pending = command.groupId
      ? await this.insertChosen(ctx, command, command.groupId, ownerId, capacity)
      : await this.insertPending(ctx, command, ownerId, capacity);
    if (pending.status === 'active') return this.infoFor(ctx, pending, ownerId);
    const key = groupKeyOf(ctx, pending.groupId);
    let memberCount: number;
    try {
      ({ memberCount } = await this.membership.initializeRoster(
        ctx,
        pending.groupId,
        pending.type,
        ownerId,
        memberIds,
        capacity,
      ));
    } catch (error) {
      // Not delivered: membership stored nothing, so there is nothing to purge there.
      if (wasNotDelivered(error)) await this.groups.deletePending(key);
      else await this.rollBack(ctx, pending.groupId);
      throw error;
    }
    // Message id = group id: whoever sends it (this call or the sweep), the stream keeps one copy.
    const created = this.outbox.prepare(
      'group.created',
      ctx,
      pending.groupId,
      { ...pending, status: 'active', memberCount },
      pending.groupId,
    );
    const active = await this.outbox.commit(await this.groups.activate(key, created));
    if (!active) throw new DomainError('conflict', `group ${pending.groupId} was rolled back while being created`);
    return this.infoFor(ctx, active, ownerId);
  }

  private async infoFor(ctx: RequestContext, group: GroupView, ownerId: string): Promise<GroupInfoView> {
    const owner = await this.membership.accessTo({ ...ctx, caller: { ...ctx.caller, userId: ownerId } }, [
      group.groupId,
    ]);
    return groupInfoOf(group, owner.get(group.groupId));
  }

  /**
   * The claimed record stays until the sweep purges again a timeout later: a roster step still in
   * flight when the rollback ran (NATS held it while reconnecting) lands before that second purge.
   */
  async rollBack(ctx: RequestContext, groupId: string): Promise<void> {
    try {
      if (await this.groups.abandon(groupKeyOf(ctx, groupId))) await this.membership.purgeRoster(ctx, groupId);
    } catch (error) {
      // Left as it was: the sweep retries the rollback later.
      this.logger.warn(`rollback of group ${groupId} deferred: ${String(error)}`);
    }
  }

  async completeRollBack(ctx: RequestContext, groupId: string): Promise<void> {
    await this.membership.purgeRoster(ctx, groupId);
    await this.groups.deleteAbandoned(groupKeyOf(ctx, groupId));
  }

  private async insertPending(
    ctx: RequestContext,
    command: CreateGroupCommand,
    ownerId: string,
    capacity: number,
  ): Promise<GroupView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.groups.insertPending(
          ctx.caller.appId,
          newGroup(command, generateNumericId(), ownerId, capacity),
        );
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= ID_ATTEMPTS) throw error;
      }
    }
  }

  /** A taken id answers the same creator's active group, so that creating it again is idempotent. */
  private async insertChosen(
    ctx: RequestContext,
    command: CreateGroupCommand,
    groupId: string,
    ownerId: string,
    capacity: number,
  ): Promise<GroupView> {
    try {
      return await this.groups.insertPending(ctx.caller.appId, newGroup(command, groupId, ownerId, capacity));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.groups.find(groupKeyOf(ctx, groupId));
    if (existing?.status === 'active' && existing.creatorId === ownerId && existing.type === command.type)
      return existing;
    throw new DomainError('conflict', `group ${groupId} already exists`);
  }
}

function newGroup(command: CreateGroupCommand, groupId: string, ownerId: string, capacity: number): NewGroup {
  return {
    groupId,
    type: command.type,
    name: command.name ?? '',
    description: command.description ?? '',
    avatar: command.avatar ?? '',
    ext: command.ext ?? '',
    ownerId,
    creatorId: ownerId,
    capacity,
    public: defaultPublic(command.type),
    settings: defaultSettings(command.type),
  };
}
