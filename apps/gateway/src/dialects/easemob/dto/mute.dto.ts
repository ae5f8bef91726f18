import { Limits } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

import { UsernamesBody } from './chatroom.dto';

/** POST /chatgroups/{group_id}/mute, POST /chatrooms/{id}/mute: members muted for `mute_duration` ms. */
export class MuteUsersBody extends UsernamesBody {
  @ApiProperty({
    type: 'integer',
    description: `How long, in ms (at most ${Limits.muteDurationMaxMs}); -1 permanent; 0 lifts the mutes`,
  })
  @IsInt({ message: 'must be an integer number of ms (-1 permanent, 0 lifts)' })
  @Min(-1, { message: 'must be an integer number of ms (-1 permanent, 0 lifts)' })
  @Max(Limits.muteDurationMaxMs, { message: `must be at most ${Limits.muteDurationMaxMs} ms` })
  mute_duration!: number;
}
