import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

// What the Easemob handlers answer inside the envelope's `data`; the presenters return these types.

const CHATROOM_ID = { description: 'The chatroom id (decimal digits, as a string)' } as const;

/** One entry of a chatroom's member list: the owner, or anyone else (admins included). */
export type MemberEntry = { owner: string } | { member: string };

const entry = (key: string): SchemaObject => ({ type: 'object', required: [key], additionalProperties: false, properties: { [key]: { type: 'string' } } });

/** The items of GET /chatrooms/{id}/users. */
export const MEMBER_ENTRIES: SchemaObject = { type: 'array', items: { oneOf: [entry('owner'), entry('member')] } };

/** POST /chatrooms/{id}/users/{username}. */
export class AddedMember {
  @ApiProperty({ type: 'boolean', enum: [true] }) result!: true;
  @ApiProperty({ enum: ['add_member'] }) action!: 'add_member';
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty() user!: string;
}

/** POST /chatrooms/{id}/users. */
export class AddedMembers {
  @ApiProperty({ type: [String], description: 'The users added (those who could not be are left out)' }) newmembers!: string[];
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

/** PUT /chatrooms/{id}: each field changed, `true`. */
export class ChatroomChanges {
  @ApiProperty({ type: 'boolean', enum: [true] }) newowner!: true;
}

/** GET /users/{username}/joined_chatrooms. */
export class JoinedChatroom {
  @ApiProperty(CHATROOM_ID) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['false'], description: 'Always "false": a disabled chatroom is not listed' }) disabled!: 'false';
}
