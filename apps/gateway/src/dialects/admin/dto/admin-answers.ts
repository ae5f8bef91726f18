import type { AnnouncementView, GroupView, MemberRole } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
}

export class AdminMember {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member'] }) role!: MemberRole;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'ms since epoch' }) joinedAt!: number;
  @ApiProperty({ description: 'Mute end: 0 not muted, -1 permanent, else ms since epoch' }) mutedUntil!: number;
  @ApiProperty() blocked!: boolean;
}

export type AdminGroupDetail = GroupView & {
  memberCount: number;
  muteAll: boolean;
  announcement: AnnouncementView | null;
};

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class AdminPage {
  @ApiProperty({ type: 'array', items: OBJECT }) items!: unknown[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  cursor!: string | null;
}

export class AdminGroupRecord {
  @ApiProperty() groupId!: string;
  @ApiProperty({ enum: ['group', 'chatroom'] }) type!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({
    ...OBJECT,
    description: 'applyApproval, memberInvite, memberModify, readAck, historyVisible, disappearSeconds',
  })
  settings!: object;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Mute-all end (ms), -1 permanent, null off' })
  muteAllUntil!: number | null;
  @ApiProperty() createdAt!: number;
}

export class AdminGroup extends AdminGroupRecord {
  @ApiProperty() memberCount!: number;
  @ApiProperty() muteAll!: boolean;
  @ApiPropertyOptional({ ...OBJECT, nullable: true, description: 'The current announcement' }) announcement!:
    object | null;
}

export class AdminGroupPage extends AdminPage {}
export class AdminMemberPage extends AdminPage {}

export class AdminItemResults {
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'One per user, in request order: `{userId, ok: true}` or `{userId, ok: false, error: {code, message}}`',
  })
  results!: unknown[];
}

export class AdminDone {
  @ApiProperty() done!: boolean;
}

export class AdminStats {
  @ApiProperty() groups!: number;
  @ApiProperty() chatrooms!: number;
  @ApiProperty() members!: number;
  @ApiProperty({ description: 'Events recorded in the last minute' }) eventsPerMinute!: number;
  @ApiProperty({ description: 'Average per minute over the last hour' }) eventsPerMinuteLastHour!: number;
  @ApiProperty({ description: 'Webhook deliveries waiting (0 until the webhooks service runs)' })
  webhookBacklog!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'each service: `ok` or why it did not answer',
  })
  services!: Record<string, string>;
}
