import type { RequestContext } from '@cohort/bus';
import type {
  GetMemberCommand,
  GroupIdCommand,
  ItemResult,
  JoinedGroupView,
  KickMembersCommand,
  ListJoinedCommand,
  ListMembersByPageCommand,
  ListMembersCommand,
  MemberDetail,
  MemberProfile,
  MemberRole,
  MemberSettings,
  MemberView,
  Page,
  ProfilesCommand,
  RolesOfCommand,
  SetDisplayNameCommand,
  SetNotificationPrefsCommand,
} from '@cohort/contracts';
import { DomainError, isDomainError } from '@cohort/errors';
import { actingUser, assertAdmin, assertMember, notMember, PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { RosterRepository } from '../roster/roster.repository';
import { type GroupContext, kickRefusal } from '../rules/membership.policy';
import { DepartureService } from './departure.service';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository, memberViewOf, type StoredMember } from './member.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly departures: DepartureService,
    private readonly facts: PeerFacts,
    private readonly outbox: Outbox,
  ) {}

  /** Keyset-paged in join order: stable while members join and leave, same cost at any depth. */
  /** A page of members in join order; `withBlocked`, with whether moderation blocks each (PeerFacts). */
  async list(
    ctx: RequestContext,
    { groupId, cursor, limit, withBlocked }: ListMembersCommand,
  ): Promise<Page<MemberProfile>> {
    const after = decodeCursor(cursor);
    const [gc, page, total] = await Promise.all([
      this.loader.loadReadable(ctx, groupId),
      this.members.page({ appId: ctx.caller.appId, groupId }, limit, after),
      this.total(ctx, groupId),
    ]);
    const [profiles, blocked] = await Promise.all([
      this.profiles(ctx, gc, page.items),
      withBlocked
        ? this.facts.blockedAmong(
            ctx,
            groupId,
            page.items.map((m) => m.userId),
          )
        : null,
    ]);
    const items = blocked ? profiles.map((p) => ({ ...p, blocked: blocked.has(p.userId) })) : profiles;
    return { items, cursor: encodeCursor(page.next), total };
  }

  /** From membership's own records, which every change updates before its event goes out. */
  async recipients(ctx: RequestContext, { groupId, cursor, limit }: ListMembersCommand): Promise<Page<MemberView>> {
    if (!ctx.caller.isAppAdmin)
      throw new DomainError('forbidden', 'only the app (an app-admin token) may read the recipients view');
    const gc = await this.loader.load(ctx, groupId);
    const [page, total] = await Promise.all([
      this.members.page(gc.key, limit, decodeCursor(cursor)),
      this.total(ctx, groupId),
    ]);
    return { items: page.items.map(memberViewOf), cursor: encodeCursor(page.next), total };
  }

  async listByPage(ctx: RequestContext, command: ListMembersByPageCommand): Promise<Page<MemberProfile>> {
    const { groupId, pageNumber, pageSize } = command;
    const key = { appId: ctx.caller.appId, groupId };
    const [gc, items, total] = await Promise.all([
      this.loader.loadReadable(ctx, command),
      this.members.pageByNumber(key, pageNumber, pageSize),
      this.total(ctx, groupId),
    ]);
    const more = pageNumber * pageSize < total;
    return { items: await this.profiles(ctx, gc, items), cursor: more ? String(pageNumber + 1) : null, total };
  }

  async profilesOf(ctx: RequestContext, { groupId, userIds }: ProfilesCommand): Promise<MemberProfile[]> {
    const gc = await this.loader.loadReadable(ctx, groupId, userIds);
    const found = [...new Set(userIds)].flatMap((id) => gc.members.get(id) ?? []);
    return this.profiles(ctx, gc, found);
  }

  async member(ctx: RequestContext, { userId, ...target }: GetMemberCommand): Promise<MemberDetail> {
    const gc = await this.loader.loadReadable(ctx, target, [userId]);
    const member = gc.members.get(userId);
    if (!member) throw new DomainError('not_found', `user ${userId} is not a member of group ${target.groupId}`);
    const [[profile], blocked] = await Promise.all([
      this.profiles(ctx, gc, [member]),
      this.facts.blockedAmong(ctx, target.groupId, [userId]),
    ]);
    return { ...profile, blocked: blocked.has(userId) };
  }

  /** For other services' rules: no read check. */
  async rolesOf(ctx: RequestContext, { groupId, userIds }: RolesOfCommand): Promise<Record<string, MemberRole>> {
    const members = await this.members.findMany({ appId: ctx.caller.appId, groupId }, userIds);
    return Object.fromEntries([...members.values()].map((m) => [m.userId, m.role]));
  }

  /** The owner first, then admins in join order. */
  async admins(ctx: RequestContext, command: GroupIdCommand): Promise<MemberProfile[]> {
    const gc = await this.loader.loadReadable(ctx, command);
    const found = await this.members.findByRoles(gc.key, ['owner', 'admin']);
    found.sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'));
    return this.profiles(ctx, gc, found);
  }

  async joined(ctx: RequestContext, command: ListJoinedCommand): Promise<Page<JoinedGroupView>> {
    const userId = command.userId ?? actingUser(ctx.caller, 'list joined groups');
    if (userId !== ctx.caller.userId && !ctx.caller.isAppAdmin)
      throw new DomainError('forbidden', "only the app admin may list another user's groups");
    const skip = (command.pageNumber - 1) * command.pageSize;
    const { items, total } = await this.members.joinedBy(
      ctx.caller.appId,
      userId,
      command.type,
      skip,
      command.pageSize,
    );
    const joined = items.map((m) => ({ groupId: m.groupId, type: m.groupType, role: m.role, joinedAt: m.joinedAt }));
    return {
      items: command.withNames ? await this.named(ctx, joined) : joined,
      cursor: skip + items.length < total ? String(command.pageNumber + 1) : null,
      total,
    };
  }

  private async named(ctx: RequestContext, joined: JoinedGroupView[]): Promise<JoinedGroupView[]> {
    const groups = await Promise.all(
      joined.map(({ groupId }) => this.facts.group(ctx, { groupId }).catch(ignoreMissingGroup)),
    );
    return joined.flatMap((item, i) => {
      const group = groups[i];
      return group?.status === 'active' ? [{ ...item, name: group.name }] : [];
    });
  }

  setDisplayName(ctx: RequestContext, { groupId, displayName }: SetDisplayNameCommand): Promise<MemberView> {
    return this.updateOwn(ctx, groupId, { displayName });
  }

  setNotificationPrefs(ctx: RequestContext, command: SetNotificationPrefsCommand): Promise<MemberView> {
    const { groupId, msgMuteMode, msgPushMode, notificationsMutedForSeconds: seconds } = command;
    const fields = {
      ...(msgMuteMode !== undefined ? { msgMuteMode } : {}),
      ...(msgPushMode !== undefined ? { msgPushMode } : {}),
      ...(seconds !== undefined ? { notificationsMutedUntil: seconds === 0 ? 0 : Date.now() + seconds * 1000 } : {}),
    };
    if (Object.keys(fields).length === 0)
      throw new DomainError('invalid_parameter', 'prefs: no preference to set', { field: 'prefs' });
    return this.updateOwn(ctx, groupId, fields);
  }

  async leave(ctx: RequestContext, { groupId }: { groupId: string }): Promise<{ done: true }> {
    const gc = await this.loader.load(ctx, groupId);
    const userId = actingUser(ctx.caller, 'leave a group', gc);
    const member = gc.members.get(userId) ?? (userId === gc.group.ownerId ? { role: 'owner' as const } : undefined);
    if (!member) throw notMember(groupId);
    if (member.role === 'owner')
      throw new DomainError('owner_protected', 'the owner cannot leave: transfer ownership or destroy the group');
    const left = await this.departures.depart(ctx, gc.key, [{ userId, role: member.role }], 'left');
    if (!left.has(userId)) throw notMember(groupId);
    return { done: true };
  }

  async kick(ctx: RequestContext, command: KickMembersCommand): Promise<ItemResult[]> {
    const { groupId, userIds } = command;
    const gc = await this.loader.load(ctx, command, userIds);
    assertAdmin(gc, 'remove members');
    const refusals = new Map(userIds.map((id) => [id, kickRefusal(gc, id)]));
    const leavers = [...refusals].flatMap(([userId, refusal]) =>
      refusal ? [] : [{ userId, role: gc.members.get(userId)?.role ?? 'member' }],
    );
    const left = await this.departures.depart(ctx, gc.key, leavers, command.how ?? 'kicked');
    return userIds.map((userId) => {
      const refusal = refusals.get(userId) ?? (left.has(userId) ? null : notMember(groupId, userId).toPayload());
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true };
    });
  }

  private async updateOwn(
    ctx: RequestContext,
    groupId: string,
    settings: Partial<MemberSettings>,
  ): Promise<MemberView> {
    const gc = await this.loader.load(ctx, groupId);
    const userId = actingUser(ctx.caller, 'change member preferences', gc);
    assertMember(gc);
    const event = this.outbox.prepare('member.settings_changed', ctx, groupId, { userId, changed: settings });
    const updated = await this.outbox.commit(await this.members.updateOwn(gc.key, userId, settings, event));
    if (!updated) throw notMember(groupId);
    return memberViewOf(updated);
  }

  private async total(ctx: RequestContext, groupId: string): Promise<number> {
    return (await this.rosters.findCached({ appId: ctx.caller.appId, groupId }))?.memberCount ?? 0;
  }

  private async profiles(ctx: RequestContext, gc: GroupContext, members: StoredMember[]): Promise<MemberProfile[]> {
    const muteEnds = await this.facts.muteEnds(
      ctx,
      gc.group.groupId,
      members.map((m) => m.userId),
    );
    return members.map((m) => ({ ...memberViewOf(m), mutedUntil: muteEnds.get(m.userId) ?? 0 }));
  }
}

/** A group destroyed since the member record was read: left out, not an error. */
function ignoreMissingGroup(error: unknown): null {
  if (isDomainError(error) && error.code === 'group_not_found') return null;
  throw error;
}
