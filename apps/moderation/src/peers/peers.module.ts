import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';

import { MembershipClient } from './membership.client';

@Module({
  imports: [GroupAccessModule],
  providers: [MembershipClient],
  exports: [GroupAccessModule, MembershipClient],
})
export class PeersModule {}
