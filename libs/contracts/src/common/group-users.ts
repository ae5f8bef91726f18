import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';

import { IsUserId } from '../ids';
import { GroupIdCommand } from './group-id.command';

/** A batch naming 1..`max` users of one group; more is refused whole, naming the limit. */
export function GroupUsersBatch(max: number) {
  class Batch extends GroupIdCommand {
    @IsArray()
    @ArrayMinSize(1, { message: '$property must name at least one user' })
    @ArrayMaxSize(max, { message: `$property may name at most ${max} users per call` })
    @IsUserId({ each: true })
    userIds!: string[];
  }
  return Batch;
}
