import { IsIn, IsOptional } from 'class-validator';

import { GROUP_TYPES, type GroupType } from '../groups/group.types';
import { IsGroupId } from '../ids';

/** One group, by id: what every command about a group starts from. */
export class GroupIdCommand {
  @IsGroupId()
  groupId!: string;

  /** Set by dialects whose routes name one kind of group: a group of another kind is not found. */
  @IsOptional()
  @IsIn(GROUP_TYPES)
  groupType?: GroupType;
}
