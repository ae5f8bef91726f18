import { BusClient, type RequestContext } from '@cohort/bus';
import {
  type AnnouncementView,
  ContentCommands,
  type FileView,
  GroupCommands,
  type GroupSearchPage,
  isInForce,
  type ListedUser,
  type MemberProfile,
  MembershipCommands,
  ModerationCommands,
  type MuteEntry,
  type RoomAttributeView,
  RoomMetadataCommands,
} from '@cohort/contracts';
import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { AdminController, ApiGroupIdParam, ApiUserIdParam, groupIdOf, userIdOf } from './admin-path';
import {
  AdminGroup,
  type AdminGroupDetail,
  AdminGroupPage,
  AdminMember,
  AdminMemberPage,
  AdminPage,
  type CursorPage,
} from './dto/admin-answers';
import { AdminGroupListQuery, AdminGroupSearchQuery } from './dto/admin-queries';

const limitOf = (query: { limit?: number }, fallback: number) => query.limit ?? fallback;

@AdminController('groups', 'admin: groups', 'admin:read')
export class AdminGroupsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({
    summary: 'Search the app’s groups and chatrooms (by id, name, owner; by kind), newest first, cursor-paged',
  })
  @ApiOkResponse({ type: AdminGroupPage })
  search(@CallContext() ctx: RequestContext, @Query() query: AdminGroupSearchQuery): Promise<GroupSearchPage> {
    return this.bus.send(GroupCommands.search, ctx, {
      groupId: query.id,
      name: query.name,
      ownerId: query.owner,
      type: query.kind,
      cursor: query.cursor,
      limit: limitOf(query, 20),
    });
  }

  @Get(':groupId')
  @ApiGroupIdParam()
  @ApiOperation({
    summary: 'One group’s whole state: profile, settings, member count, capacity, mute-all, current announcement',
  })
  @ApiOkResponse({ type: AdminGroup })
  async get(@CallContext() ctx: RequestContext, @Param('groupId') id: string): Promise<AdminGroupDetail> {
    const groupId = groupIdOf(id);
    const [info, announcement] = await Promise.all([
      this.bus.send(MembershipCommands.groupInfo, ctx, { groupId }),
      this.bus.send(ContentCommands.currentAnnouncement, ctx, { groupId }),
    ]);
    // The app admin is no member: the caller's own record says nothing here.
    const { callerMember, ...group } = info;
    void callerMember;
    return { ...group, muteAll: isInForce(group.muteAllUntil, Date.now()), announcement };
  }

  @Get(':groupId/members')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'Members in join order with their roles, mute ends and block state, keyset-paged' })
  @ApiOkResponse({ type: AdminMemberPage })
  async members(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<AdminMember>> {
    const groupId = groupIdOf(id);
    const page = await this.bus.send(MembershipCommands.listMembers, ctx, {
      groupId,
      cursor: query.cursor,
      limit: limitOf(query, 50),
    });
    const userIds = page.items.map((m) => m.userId);
    const blocked = new Set(
      userIds.length ? await this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId, userIds }) : [],
    );
    return { items: page.items.map((m) => adminMemberOf(m, blocked.has(m.userId))), cursor: page.cursor };
  }

  @Get(':groupId/members/:userId')
  @ApiGroupIdParam()
  @ApiUserIdParam()
  @ApiOperation({ summary: 'One member: role, display name, join time, mute end and block state' })
  @ApiOkResponse({ type: AdminMember })
  @ApiNotFoundResponse({ description: '`group_not_found`: no such group; `not_found`: the user is no member' })
  async member(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<AdminMember> {
    const member = await this.bus.send(MembershipCommands.getMember, ctx, {
      groupId: groupIdOf(id),
      userId: userIdOf(userId),
    });
    return adminMemberOf(member, member.blocked);
  }

  @Get(':groupId/mutes')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'Mutes in force, in the order they were set: `until` is the end (ms, -1 permanent)' })
  @ApiOkResponse({ type: AdminPage })
  async mutes(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<MuteEntry>> {
    return pageOf(
      await this.bus.send(ModerationCommands.listMutes, ctx, {
        groupId: groupIdOf(id),
        cursor: query.cursor,
        limit: limitOf(query, 50),
      }),
    );
  }

  @Get(':groupId/blocks')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'The blocklist, in the order users were blocked' })
  @ApiOkResponse({ type: AdminPage })
  async blocks(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<ListedUser>> {
    return pageOf(
      await this.bus.send(ModerationCommands.listBlocked, ctx, {
        groupId: groupIdOf(id),
        cursor: query.cursor,
        limit: limitOf(query, 50),
      }),
    );
  }

  @Get(':groupId/allowlist')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'The allowlist (may send under mute-all)' })
  @ApiOkResponse({ type: AdminPage })
  async allowlist(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<ListedUser>> {
    return pageOf(
      await this.bus.send(ModerationCommands.listAllowed, ctx, {
        groupId: groupIdOf(id),
        cursor: query.cursor,
        limit: limitOf(query, 50),
      }),
    );
  }

  @Get(':groupId/announcements')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'Announcements, newest first (the first is the current one)' })
  @ApiOkResponse({ type: AdminPage })
  async announcements(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<AnnouncementView>> {
    return pageOf(
      await this.bus.send(ContentCommands.listAnnouncements, ctx, {
        groupId: groupIdOf(id),
        cursor: query.cursor,
        limit: limitOf(query, 50),
      }),
    );
  }

  @Get(':groupId/files')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'Shared files' })
  @ApiOkResponse({ type: AdminPage })
  async files(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Query() query: AdminGroupListQuery,
  ): Promise<CursorPage<FileView>> {
    return pageOf(
      await this.bus.send(ContentCommands.listFiles, ctx, {
        groupId: groupIdOf(id),
        cursor: query.cursor,
        limit: limitOf(query, 50),
      }),
    );
  }

  @Get(':groupId/attributes')
  @ApiGroupIdParam()
  @ApiOperation({ summary: 'A chatroom’s custom attributes (a group has none: 404)' })
  @ApiOkResponse({ type: AdminPage })
  async attributes(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
  ): Promise<CursorPage<RoomAttributeView>> {
    const groupId = groupIdOf(id);
    // The group must be a live chatroom (else group_not_found): room-metadata keeps attributes only.
    await this.bus.send(GroupCommands.state, ctx, { groupId, groupType: 'chatroom' });
    return { items: await this.bus.send(RoomMetadataCommands.getAttributes, ctx, { groupId }), cursor: null };
  }
}

function adminMemberOf(m: MemberProfile, blocked: boolean): AdminMember {
  return {
    userId: m.userId,
    role: m.role,
    displayName: m.displayName,
    joinedAt: m.joinedAt,
    mutedUntil: m.mutedUntil,
    blocked,
  };
}

function pageOf<T>(page: { items: T[]; cursor: string | null }): CursorPage<T> {
  return { items: page.items, cursor: page.cursor };
}
