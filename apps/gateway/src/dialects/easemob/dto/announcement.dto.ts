import { Limits } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** POST /chatrooms/{id}/announcement: the text of the chatroom's new announcement. */
export class ChatroomAnnouncementBody {
  @ApiProperty({
    description: `The announcement, at most ${Limits.chatroomAnnouncement} characters (empty: an empty announcement)`,
  })
  @IsString()
  @MaxLength(Limits.chatroomAnnouncement)
  announcement!: string;
}
