import { Limits } from '@cohort/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { MUTE_MINUTES_MAX } from '../../mute-minutes';
import { GroupIdField, GroupIdListField, UserIdListField } from './id-fields';

export class GroupIdQuery {
  @GroupIdField() group_id!: string;
}

export class CreateGroupBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(Limits.avatarUrl) avatar?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(Limits.description) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(Limits.groupName) name?: string;
  @ApiPropertyOptional({ enum: [0, 2], description: '0 private group, 2 chatroom' })
  @IsOptional()
  @IsIn([0, 2], { message: 'must be 0 (group) or 2 (chatroom)' })
  type?: 0 | 2;
  @IsOptional()
  @UserIdListField(
    Limits.capacityCeiling - 1,
    "users who join with the owner (the group's capacity grows from the app's default to fit them, up to the app's ceiling)",
  )
  user_list?: string[];
}

export class GroupListBody {
  @GroupIdListField(Limits.idsPerCall, `group ids, at most ${Limits.idsPerCall}`) group_list!: string[];
}

/** 4.25, 4.27–4.29; the per-field limit is checked by field. */
export class GroupInfoValueBody {
  @GroupIdField() group_id!: string;
  @ApiProperty({
    description:
      `The field's new value. Its own limit is checked by the groups service (code 400 naming \`value\`): name ${Limits.groupName} ` +
      `(a chatroom's ${Limits.chatroomName}), description ${Limits.description}, avatar ${Limits.avatarUrl}, ext ${Limits.ext} characters`,
  })
  @IsString()
  @MaxLength(Limits.avatarUrl)
  value!: string;
}

// A zero value may be absent: Go clients drop it (`omitempty`), the vendor reads it as the zero value.

export class GroupSettingFlagBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({ default: false, description: 'absent: false' }) @IsBoolean() value: boolean = false;
}

export class ApplyApprovalBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({
    enum: [0, 1, 2],
    default: 0,
    description: '0 (or absent) anyone joins, 1 admin approval, 2 refuse',
  })
  @IsIn([0, 1, 2], { message: 'must be 0, 1 or 2' })
  apply_approval: 0 | 1 | 2 = 0;
}

/** Minutes, -1 permanent, 0 lifts (4.12, 4.45). */
export const MuteMinutesField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'minutes; -1 permanent; 0 lifts' }),
    IsInt(),
    Min(-1),
    Max(MUTE_MINUTES_MAX),
  );

export class BanAllBody {
  @GroupIdField() group_id!: string;
  @MuteMinutesField() duration!: number;
}

export class GroupIdBody {
  @GroupIdField() group_id!: string;
}
