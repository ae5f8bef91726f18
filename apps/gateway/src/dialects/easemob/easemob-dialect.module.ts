import { Module } from '@nestjs/common';

import { EasemobChatgroupMutesController } from './easemob-chatgroup-mutes.controller';
import { EasemobChatroomController } from './easemob-chatroom.controller';
import { EasemobChatroomAdminsController } from './easemob-chatroom-admins.controller';
import { EasemobChatroomAnnouncementController } from './easemob-chatroom-announcement.controller';
import { EasemobChatroomListsController } from './easemob-chatroom-lists.controller';
import { EasemobChatroomMembersController } from './easemob-chatroom-members.controller';
import { EasemobChatroomMutesController } from './easemob-chatroom-mutes.controller';
import { EasemobChatroomsController } from './easemob-chatrooms.controller';
import { EasemobJoinedChatroomsController } from './easemob-joined-chatrooms.controller';
import { EasemobChatroomMetadataController } from './easemob-metadata.controller';
import { EasemobSuperAdminsController } from './easemob-super-admins.controller';
import { EasemobTokenController } from './easemob-token.controller';

@Module({
  controllers: [
    EasemobTokenController,
    EasemobSuperAdminsController,
    EasemobChatroomsController,
    EasemobChatroomController,
    EasemobChatroomMembersController,
    EasemobChatroomAdminsController,
    EasemobJoinedChatroomsController,
    EasemobChatroomMutesController,
    EasemobChatroomListsController,
    EasemobChatgroupMutesController,
    EasemobChatroomMetadataController,
    EasemobChatroomAnnouncementController,
  ],
})
export class EasemobDialectModule {}
