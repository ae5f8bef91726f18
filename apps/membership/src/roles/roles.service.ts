import type { RequestContext } from '@cohort/bus';
import {
  type AdminsCommand,
  type ErrorPayload,
  type ItemResult,
  Limits,
  type MemberRole,
  type TransferOwnershipCommand,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { assertOwner, notMember } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository, type RoleChange } from '../members/member.repository';
import { RosterRepository } from '../roster/roster.repository';
import { type GroupContext } from '../rules/membership.policy';

const CHANGED_CONCURRENTLY: ErrorPayload = {
  code: 'conflict',
  message: 'the membership changed concurrently; try again',
};

@Injectable()
export class RolesService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly outbox: Outbox,
  ) {}

  async addAdmins(ctx: RequestContext, command: AdminsCommand): Promise<ItemResult[]> {
    const { userIds } = command;
    const gc = await this.loader.load(ctx, command, userIds);
    assertOwner(gc, 'add admins');
    const refusals = this.targetRefusals(gc, userIds);
    const promote = unique(userIds).filter((id) => !refusals.has(id) && gc.members.get(id)?.role === 'member');
    if (promote.length > 0 && !(await this.rosters.reserveAdmins(gc.key, promote.length, Limits.maxAdmins))) {
      throw new DomainError('too_many_admins', `a group has at most ${Limits.maxAdmins} admins`);
    }
    const changed = await this.changeRoles(ctx, gc, promote, 'member', 'admin');
    await this.rosters.releaseAdmins(gc.key, promote.length - changed.size);
    return this.results(userIds, refusals, promote, changed);
  }

  async removeAdmins(ctx: RequestContext, command: AdminsCommand): Promise<ItemResult[]> {
    const { userIds } = command;
    const gc = await this.loader.load(ctx, command, userIds);
    assertOwner(gc, 'remove admins');
    const refusals = this.targetRefusals(gc, userIds);
    const demote = unique(userIds).filter((id) => !refusals.has(id) && gc.members.get(id)?.role === 'admin');
    const changed = await this.changeRoles(ctx, gc, demote, 'admin', 'member');
    await this.rosters.releaseAdmins(gc.key, changed.size);
    return this.results(userIds, refusals, demote, changed);
  }

  /** The roster's owner is the commit point; the handler of its event re-applies the role changes. */
  async transfer(ctx: RequestContext, command: TransferOwnershipCommand): Promise<{ done: true }> {
    const { groupId, newOwnerId } = command;
    const roster = await this.rosters.find({ appId: ctx.caller.appId, groupId });
    const gc = await this.loader.load(ctx, command, [newOwnerId, ...(roster ? [roster.ownerId] : [])]);
    assertOwner(gc, 'transfer ownership');
    const newOwner = gc.members.get(newOwnerId);
    if (!roster || !newOwner) throw notMember(groupId, newOwnerId);
    const previousOwnerId = roster.ownerId;
    if (newOwnerId === previousOwnerId) return { done: true };
    const event = this.outbox.prepare('group.owner_transferred', ctx, groupId, { previousOwnerId, newOwnerId });
    const transfer = this.rosters.transferOwner(gc.key, previousOwnerId, newOwnerId, newOwner.role === 'admin', event);
    if (!(await this.outbox.commit(await transfer))) throw DomainError.fromPayload(CHANGED_CONCURRENTLY);
    const changes = [
      this.roleChange(ctx, groupId, newOwnerId, newOwner.role, 'owner'),
      this.roleChange(ctx, groupId, previousOwnerId, 'owner', 'member'),
    ];
    await this.outbox.commit(await this.members.changeRoles(gc.key, changes));
    return { done: true };
  }

  async applyTransfer(
    key: { appId: string; groupId: string },
    previousOwnerId: string,
    newOwnerId: string,
  ): Promise<void> {
    // A later transfer wins: a late redelivery must not undo it.
    if ((await this.rosters.find(key))?.ownerId !== newOwnerId) return;
    await this.members.setRole(key, newOwnerId, 'owner', ['owner']);
    await this.members.setRole(key, previousOwnerId, 'member', ['member', 'admin']);
  }

  private targetRefusals(gc: GroupContext, userIds: string[]): Map<string, ErrorPayload> {
    const refusals = new Map<string, ErrorPayload>();
    for (const userId of userIds) {
      const target = gc.members.get(userId);
      if (!target) refusals.set(userId, notMember(gc.group.groupId, userId).toPayload());
      else if (target.role === 'owner')
        refusals.set(userId, { code: 'owner_protected', message: 'forbidden operation on group owner' });
    }
    return refusals;
  }

  private async changeRoles(
    ctx: RequestContext,
    gc: GroupContext,
    userIds: string[],
    from: MemberRole,
    to: MemberRole,
  ): Promise<Set<string>> {
    const changes = userIds.map((userId) => this.roleChange(ctx, gc.group.groupId, userId, from, to));
    return this.outbox.commit(await this.members.changeRoles(gc.key, changes));
  }

  private roleChange(
    ctx: RequestContext,
    groupId: string,
    userId: string,
    from: MemberRole,
    to: MemberRole,
  ): RoleChange {
    return {
      userId,
      from,
      to,
      event: this.outbox.prepare('member.role_changed', ctx, groupId, { userId, role: to, previousRole: from }),
    };
  }

  private results(
    userIds: string[],
    refusals: Map<string, ErrorPayload>,
    attempted: string[],
    changed: Set<string>,
  ): ItemResult[] {
    const attemptedSet = new Set(attempted);
    return userIds.map((userId) => {
      const refusal =
        refusals.get(userId) ?? (attemptedSet.has(userId) && !changed.has(userId) ? CHANGED_CONCURRENTLY : undefined);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true };
    });
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
