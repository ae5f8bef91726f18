import { Module } from '@nestjs/common';

import { GroupAccessLoader, PeerFacts } from './group-access';
import { PeerFactCache } from './peer-fact-cache';

/** The facts a service's rules need from other services (cached, kept right by their events) and the loader built on them. */
@Module({
  providers: [PeerFactCache, PeerFacts, GroupAccessLoader],
  exports: [PeerFactCache, PeerFacts, GroupAccessLoader],
})
export class GroupAccessModule {}
