import { Limits } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

const CHATROOM_ID = { description: 'The chatroom id (decimal digits, as a string)' } as const;

/** One entry of a chatroom's member list: the owner, or anyone else (admins included). */
export type MemberEntry = { owner: string } | { member: string };

const entry = (key: string): SchemaObject => ({
  type: 'object',
  required: [key],
  additionalProperties: false,
  properties: { [key]: { type: 'string' } },
});

const MEMBER_ENTRY: SchemaObject = { oneOf: [entry('owner'), entry('member')] };

/** The items of GET /chatrooms/{id}/users. */
export const MEMBER_ENTRIES: SchemaObject = { type: 'array', items: MEMBER_ENTRY };

/** POST /chatrooms/{id}/users/{username}. */
export class AddedMember {
  @ApiProperty({ type: 'boolean', enum: [true] }) result!: true;
  @ApiProperty({ enum: ['add_member'] }) action!: 'add_member';
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty() user!: string;
}

/** POST /chatrooms/{id}/users. */
export class AddedMembers {
  @ApiProperty({ type: [String], description: 'The users added (those who could not be are left out)' })
  newmembers!: string[];
  @ApiProperty({ enum: ['add_member'] }) action!: 'add_member';
  @ApiProperty(CHATROOM_ID) id!: string;
}

/** DELETE /chatrooms/{id}/users/{usernames}: one user's outcome. */
export class RemovedMember {
  @ApiProperty({ description: 'Whether the user was removed' }) result!: boolean;
  @ApiProperty({ enum: ['remove_member'] }) action!: 'remove_member';
  @ApiPropertyOptional({ description: 'Why not, when `result` is false' }) reason?: string;
  @ApiProperty() user!: string;
  @ApiProperty(CHATROOM_ID) id!: string;
}

/** POST /chatrooms/{id}/admin. */
export class AdminAdded {
  @ApiProperty({ enum: ['success'] }) result!: 'success';
  @ApiProperty() newadmin!: string;
}

/** DELETE /chatrooms/{id}/admin/{oldadmin}. */
export class AdminRemoved {
  @ApiProperty({ enum: ['success'] }) result!: 'success';
  @ApiProperty() oldadmin!: string;
}

const CHANGED = { type: 'boolean', enum: [true] } as const;

/** PUT /chatrooms/{id}: `true` for each field the call changed (and only those). */
export class ChatroomChanges {
  @ApiPropertyOptional({ ...CHANGED, description: '`name` was changed' }) groupname?: true;
  @ApiPropertyOptional({ ...CHANGED, description: '`description` was changed' }) description?: true;
  @ApiPropertyOptional({ ...CHANGED, description: '`maxusers` was changed' }) maxusers?: true;
  @ApiPropertyOptional({ ...CHANGED, description: 'the chatroom was transferred to `newowner`' }) newowner?: true;
}

/** POST /chatrooms. */
export class ChatroomCreated {
  @ApiProperty(CHATROOM_ID) id!: string;
}

/** DELETE /chatrooms/{id}. */
export class ChatroomDeleted {
  @ApiProperty({ type: 'boolean', enum: [true] }) success!: true;
  @ApiProperty(CHATROOM_ID) id!: string;
}

/** One chatroom of GET /chatrooms. */
export class ChatroomSummary {
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The owner's username" }) owner!: string;
  @ApiProperty({ type: 'integer', description: 'Members, the owner included' }) affiliations_count!: number;
}

/** One chatroom of GET /chatrooms/{ids}. */
export class ChatroomDetails extends ChatroomSummary {
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Whether joining needs the approval of an admin' }) membersonly!: boolean;
  @ApiProperty({ description: 'Whether members may invite' }) allowinvites!: boolean;
  @ApiProperty({ type: 'integer', description: 'The capacity, the owner included' }) maxusers!: number;
  @ApiProperty({ type: 'integer', description: 'Creation time, ms since the epoch' }) created!: number;
  @ApiProperty({ description: 'Custom data' }) custom!: string;
  @ApiProperty({
    type: 'array',
    items: MEMBER_ENTRY,
    description: `The first ${Limits.memberPageMax} members: the owner as \`owner\`, anyone else as \`member\``,
  })
  affiliations!: MemberEntry[];
  @ApiProperty({ type: 'boolean', enum: [true] }) public!: true;
}

/** POST /chatrooms/super_admin. */
export class SuperAdminAdded {
  @ApiProperty({ enum: ['success'] }) result!: 'success';
  @ApiProperty({ enum: [''] }) resource!: '';
}

/** DELETE /chatrooms/super_admin/{superAdmin}. */
export class SuperAdminRemoved {
  @ApiProperty({ description: 'The user who is no longer a super admin' }) newSuperAdmin!: string;
  @ApiProperty({ enum: [''] }) resource!: '';
}

/** GET /users/{username}/joined_chatrooms. */
export class JoinedChatroom {
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['false'], description: 'Always "false": a disabled chatroom is not listed' })
  disabled!: 'false';
}

/** POST /chatgroups/{group_id}/mute and /chatrooms/{id}/mute: one user's outcome, in request order. */
export class MuteOutcome {
  @ApiProperty({ description: 'Whether the user was muted (or, with mute_duration 0, unmuted)' }) result!: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'When `result` is true: the end of the mute, ms since the epoch; -1 permanent; 0 lifted',
  })
  expire?: number;
  @ApiPropertyOptional({ description: 'Why not, when `result` is false' }) reason?: string;
  @ApiProperty({ description: 'The username sent' }) user!: string;
}

/** GET /chatgroups/{group_id}/mute and /chatrooms/{id}/mute: one mute in force. */
export class MutedUser {
  @ApiProperty({ type: 'integer', description: 'The end of the mute, ms since the epoch; -1 permanent' })
  expire!: number;
  @ApiProperty() user!: string;
}

/** DELETE /chatgroups/{group_id}/mute/{usernames} and /chatrooms/{id}/mute/{usernames}: one user's outcome, in request order. */
export class UnmuteOutcome {
  @ApiProperty({ description: "Whether the user's mute was lifted" }) result!: boolean;
  @ApiPropertyOptional({ description: 'Why not, when `result` is false' }) reason?: string;
  @ApiProperty() user!: string;
}

/** POST and DELETE /chatrooms/{id}/ban: whether the whole chatroom is muted now. */
export class MuteAllOutcome {
  @ApiProperty({ description: 'true after POST (muted until lifted), false after DELETE' }) mute!: boolean;
}

/** `/chatrooms/{id}/blocks/users...` and `/chatrooms/{id}/white/users...`: one user's outcome (in request order for several). */
export class ChatroomListOutcome {
  @ApiProperty({ description: 'Whether the user was put on the list (or taken off)' }) result!: boolean;
  @ApiProperty({ enum: ['add_blocks', 'remove_blocks', 'add_user_whitelist', 'remove_user_whitelist'] })
  action!: ChatroomListAction;
  @ApiPropertyOptional({ description: 'Why not, when `result` is false' }) reason?: string;
  @ApiProperty() user!: string;
  @ApiProperty(CHATROOM_ID) chatroomid!: string;
}

export type ChatroomListAction = 'add_blocks' | 'remove_blocks' | 'add_user_whitelist' | 'remove_user_whitelist';

/** GET /chatrooms/{id}/announcement. */
export class ChatroomAnnouncement {
  @ApiProperty({ description: 'The current announcement; empty when the chatroom has none' }) announcement!: string;
}

/** POST /chatrooms/{id}/announcement. */
export class ChatroomAnnouncementSet {
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty({ type: 'boolean', enum: [true] }) result!: true;
}
