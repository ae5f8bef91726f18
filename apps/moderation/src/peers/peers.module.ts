import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';

import { MembershipClient } from './membership.client';

/** What moderation's rules ask the other services (the group, members' roles, removing blocked members). */
@Module({
  imports: [GroupAccessModule],
  providers: [MembershipClient],
  exports: [GroupAccessModule, MembershipClient],
})
export class PeersModule {}
