import { Module } from '@nestjs/common';

import { GroupAccessLoader, PeerFacts } from './group-access';
import { PeerFactCache } from './peer-fact-cache';

@Module({
  providers: [PeerFactCache, PeerFacts, GroupAccessLoader],
  exports: [PeerFactCache, PeerFacts, GroupAccessLoader],
})
export class GroupAccessModule {}
