import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { ListChanges } from './list-changes';
import { ReadableGroups } from './readable-groups';
import { StandingDoc, StandingSchema } from './schemas/standing.schema';
import { StandingRepository } from './standing.repository';
import { StandingChanges } from './standing-changes';

/** Users' standings in groups: mutes, blocklist, allowlist and (projected) roles, one document each. */
@Module({
  imports: [MongooseModule.forFeature([{ name: StandingDoc.name, schema: StandingSchema }]), GroupAccessModule],
  providers: [StandingRepository, StandingChanges, ListChanges, ReadableGroups],
  exports: [StandingRepository, StandingChanges, ListChanges, ReadableGroups],
})
export class StandingsModule {}
