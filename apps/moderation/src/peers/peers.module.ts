import { Module } from '@nestjs/common';
import { GroupsClient } from './groups.client';
import { MembershipClient } from './membership.client';
import { ModeratedGroupLoader } from './moderated-group.loader';

/** What moderation's rules ask the other services (the group, members' roles). */
@Module({
  providers: [GroupsClient, MembershipClient, ModeratedGroupLoader],
  exports: [ModeratedGroupLoader, MembershipClient],
})
export class PeersModule {}
