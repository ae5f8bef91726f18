import { ApiProperty } from '@nestjs/swagger';

// What the Mixin handlers answer inside `{data}`; the presenters return these types.

const TIME = { description: 'RFC 3339 with nanoseconds, UTC' } as const;

export class MixinParticipant {
  @ApiProperty({ enum: ['participant'] }) type!: 'participant';
  @ApiProperty() user_id!: string;
  @ApiProperty({ enum: ['OWNER', 'ADMIN', ''] }) role!: 'OWNER' | 'ADMIN' | '';
  @ApiProperty({ ...TIME, description: 'When they joined (RFC 3339 with nanoseconds, UTC)' }) created_at!: string;
}

export class MixinParticipantSession {
  @ApiProperty() user_id!: string;
  @ApiProperty({ description: 'A registered session of the participant (one without any is not listed)' })
  session_id!: string;
}

export class MixinConversation {
  @ApiProperty({ enum: ['conversation'] }) type!: 'conversation';
  @ApiProperty() conversation_id!: string;
  @ApiProperty() creator_id!: string;
  @ApiProperty({ enum: ['GROUP'] }) category!: 'GROUP';
  @ApiProperty() name!: string;
  @ApiProperty() icon_url!: string;
  @ApiProperty({ description: 'The current announcement, "" when none' }) announcement!: string;
  @ApiProperty(TIME) created_at!: string;
  @ApiProperty({ description: 'The current invite code (a UUID)' }) code_id!: string;
  @ApiProperty({ description: 'PUBLIC_BASE_URL/codes/<code_id>' }) code_url!: string;
  @ApiProperty({ ...TIME, description: "The end of the caller's notification mute; the epoch when not muted" })
  mute_until!: string;
  @ApiProperty({ type: 'integer', description: 'Disappearing messages: seconds, 0 off' }) expire_in!: number;
  @ApiProperty({ type: [MixinParticipant], description: 'Every participant, by join time' })
  participants!: MixinParticipant[];
  @ApiProperty({ type: [MixinParticipantSession] }) participant_sessions!: MixinParticipantSession[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Always empty' }) circles!: never[];
}

export class MixinUser {
  @ApiProperty({ enum: ['user'] }) type!: 'user';
  @ApiProperty() user_id!: string;
  @ApiProperty() session_id!: string;
  @ApiProperty() full_name!: string;
  @ApiProperty(TIME) created_at!: string;
}
